import type { CalendarEventPart } from './calendarTypes';

/** The FullCalendar id of one part of an event (the show part keeps the event's own id). */
export function calendarEventPartId(eventId: string, part: CalendarEventPart): string {
  return part === 'show' ? eventId : `${eventId}#${part}`;
}
