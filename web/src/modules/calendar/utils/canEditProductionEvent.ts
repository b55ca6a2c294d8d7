import type { CalendarProductionEvent } from './calendarTypes';

/**
 * Whether the viewer may drag this event: anyone with `event:update-any`, or its own manager
 * with `event:create` (the server's rule). Only hides the handles; the server decides.
 */
export function canEditProductionEvent(
  event: Pick<CalendarProductionEvent, 'manager'>,
  viewer: { id: string; permissions: readonly string[] },
): boolean {
  if (viewer.permissions.includes('event:update-any')) return true;
  return viewer.permissions.includes('event:create') && event.manager?.id === viewer.id;
}
