import type { CalendarRange } from './calendarTypes';

/**
 * How many events (show days `start`..`endExclusive`, `YYYY-MM-DD`) touch the days a view shows;
 * the calendar may hold more (a month loaded, a week shown).
 */
export function countVisibleEvents(
  events: readonly { start: string; endExclusive: string }[],
  range: CalendarRange,
): number {
  return events.filter((event) => event.start <= range.to && event.endExclusive > range.from).length;
}
