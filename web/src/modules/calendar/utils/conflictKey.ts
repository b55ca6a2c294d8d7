import type { CalendarConflict } from './calendarTypes';

/** Identifies one double booking, so the same notice is not shown twice (mutation answer and live feed). */
export function conflictKey(conflict: CalendarConflict): string {
  const ids = [conflict.event?.id ?? '', conflict.otherEvent.id].sort();
  return [conflict.person.id, ...ids, conflict.fromDate, conflict.toDate].join('|');
}
