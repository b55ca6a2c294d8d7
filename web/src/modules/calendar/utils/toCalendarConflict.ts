import type { CalendarConflict } from './calendarTypes';
import { readCalendarDate } from './readCalendarDate';

interface RawConflict {
  fromDate: unknown;
  toDate: unknown;
  person: { id: string; name: string };
  otherEvent: { id: string; title: string };
  event?: { id: string; title: string };
}

/** A double booking (from a mutation, a live notice or an event's problems) in the calendar's shape. */
export function toCalendarConflict(raw: RawConflict): CalendarConflict {
  return {
    person: { id: raw.person.id, name: raw.person.name },
    event: raw.event ? { id: raw.event.id, title: raw.event.title } : null,
    otherEvent: { id: raw.otherEvent.id, title: raw.otherEvent.title },
    fromDate: readCalendarDate(raw.fromDate),
    toDate: readCalendarDate(raw.toDate),
  };
}
