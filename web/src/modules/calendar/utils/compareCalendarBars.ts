import type { CalendarEventProps } from './calendarTypes';
import { compareSortKeys } from './createCalendarBars';

/** What FullCalendar hands `eventOrder`: its own compare object of a bar, or an event (both carry `extendedProps`). */
type OrderedBar = { extendedProps: Pick<CalendarEventProps, 'sortKey'> };

/**
 * FullCalendar's `eventOrder`: bars in creation order, compared as the window's bars compare them
 * (`compareSortKeys`), so that the bars a day draws are the ones `createCalendarBars` holds for it.
 */
export function compareCalendarBars(a: unknown, b: unknown): number {
  return compareSortKeys((a as OrderedBar).extendedProps.sortKey, (b as OrderedBar).extendedProps.sortKey);
}
