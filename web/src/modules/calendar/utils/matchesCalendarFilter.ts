import type { CalendarFilter, CalendarProductionEvent } from './calendarTypes';

/** Statuses "confirmed only" keeps, as the API's `confirmedOnly` does. */
const confirmedStatuses = new Set(['CONFIRMED', 'IN_PROGRESS']);

function isOn(event: CalendarProductionEvent, personId: string): boolean {
  return (
    event.manager?.id === personId ||
    event.seniorEngineer?.id === personId ||
    event.crew.some((member) => member.person.id === personId)
  );
}

/**
 * Whether an event (as a live change delivered it) belongs on a calendar with `filter`; the
 * same rules as the `filter` of `productionEvents`, so a live update never shows what a reload
 * would hide. Deleted events never match.
 */
export function matchesCalendarFilter(
  event: CalendarProductionEvent,
  filter: CalendarFilter,
  viewerId: string,
): boolean {
  if (event.deletedAt) return false;
  if (filter.confirmedOnly && !confirmedStatuses.has(event.status)) return false;
  if (filter.statuses.length > 0 && !filter.statuses.includes(event.status)) return false;
  if (filter.managerId && event.manager?.id !== filter.managerId) return false;
  if (filter.clientId && event.client?.id !== filter.clientId) return false;
  if (filter.personId && !isOn(event, filter.personId)) return false;
  if (filter.mine && !isOn(event, viewerId)) return false;
  return true;
}
