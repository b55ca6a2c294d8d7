import type { CalendarRange } from './calendarTypes';

/**
 * How many events (show days `startDate`..`endDate`, inclusive, `YYYY-MM-DD`) touch the days a
 * view shows; the calendar may hold more (a month loaded, a week shown).
 */
export function countVisibleEvents(
  events: readonly { startDate: string; endDate: string }[],
  range: CalendarRange,
): number {
  let count = 0;
  for (const event of events) if (event.startDate <= range.to && event.endDate >= range.from) count += 1;
  return count;
}
