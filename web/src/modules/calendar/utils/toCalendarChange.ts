import type { CalendarChange, RawCalendarChange } from './calendarTypes';
import { toCalendarProductionEvent } from './toCalendarProductionEvent';

/** A live or caught-up change in the calendar's shape. */
export function toCalendarChange(raw: RawCalendarChange): CalendarChange {
  return {
    seq: raw.seq,
    kind: raw.kind,
    eventId: raw.eventId,
    actorName: raw.actorName ?? null,
    event: raw.event ? toCalendarProductionEvent(raw.event) : null,
  };
}
