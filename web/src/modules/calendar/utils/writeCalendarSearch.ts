import type { CalendarSearch } from './calendarTypes';

/** URL search parameters for a calendar view; empty filters are left out. */
export function writeCalendarSearch(search: CalendarSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.confirmedOnly) params.set('confirmed', '1');
  if (search.mine) params.set('mine', '1');
  if (search.statuses.length > 0) params.set('status', search.statuses.join(','));
  if (search.managerId) params.set('manager', search.managerId);
  if (search.clientId) params.set('client', search.clientId);
  if (search.personId) params.set('person', search.personId);
  if (search.view) params.set('view', search.view);
  if (search.date) params.set('date', search.date);
  return params;
}
