import type { CalendarChange, CalendarFilter, CalendarProductionEvent } from './calendarTypes';
import { planCalendarChange } from './planCalendarChange';

/**
 * A loaded list with changes that arrived while it loaded applied on top (the answer may
 * predate them): the same plan as a live update, never going back to an older version.
 */
export function applyChangesToList(
  events: readonly CalendarProductionEvent[],
  changes: readonly CalendarChange[],
  filter: CalendarFilter,
  viewerId: string,
): CalendarProductionEvent[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  for (const change of changes) {
    const plan = planCalendarChange(change, filter, viewerId);
    if (plan.action === 'remove') {
      byId.delete(plan.eventId);
      continue;
    }
    const known = byId.get(plan.event.id);
    if (!known || known.version <= plan.event.version) byId.set(plan.event.id, plan.event);
  }
  return [...byId.values()];
}
