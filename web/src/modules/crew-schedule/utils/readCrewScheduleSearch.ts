import { schedulePeriods, type CrewScheduleSearch, type SchedulePeriod } from './crewScheduleTypes';

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isPeriod(value: string | null): value is SchedulePeriod {
  return (schedulePeriods as readonly (string | null)[]).includes(value);
}

/** The schedule view from the URL's search parameters; malformed values fall back to defaults. */
export function readCrewScheduleSearch(params: URLSearchParams): CrewScheduleSearch {
  const start = params.get('start');
  const period = params.get('period');
  const crewRoleId = params.get('crewRoleId')?.trim();
  return {
    start: start && isoDate.test(start) ? start : null,
    period: isPeriod(period) ? period : 'week',
    crewRoleId: crewRoleId ? crewRoleId : null,
  };
}
