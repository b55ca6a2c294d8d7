import type { CalendarChange, CalendarFilter, CalendarProductionEvent } from './calendarTypes';
import { matchesCalendarFilter } from './matchesCalendarFilter';

export type CalendarChangePlan =
  | { action: 'upsert'; event: CalendarProductionEvent }
  | { action: 'remove'; eventId: string };

/**
 * What one committed change does to the calendar: show the event as it is now (created,
 * moved, restored, edited…), or take it off (deleted, or no longer matching the filters).
 */
export function planCalendarChange(
  change: CalendarChange,
  filter: CalendarFilter,
  viewerId: string,
): CalendarChangePlan {
  const { event } = change;
  if (change.kind === 'DELETED' || !event || !matchesCalendarFilter(event, filter, viewerId)) {
    return { action: 'remove', eventId: change.eventId };
  }
  return { action: 'upsert', event };
}
