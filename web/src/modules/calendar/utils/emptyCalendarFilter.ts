import type { CalendarFilter } from './calendarTypes';

/** No filter: every event. */
export const emptyCalendarFilter: CalendarFilter = {
  confirmedOnly: false,
  mine: false,
  statuses: [],
  managerId: '',
  clientId: '',
  personId: '',
};
