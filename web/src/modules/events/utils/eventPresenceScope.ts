/** The presence scope of one event's page, as the API names it. */
export function eventPresenceScope(eventId: string): string {
  return `event:${eventId}`;
}
