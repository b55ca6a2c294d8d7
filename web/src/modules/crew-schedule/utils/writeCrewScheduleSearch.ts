import type { CrewScheduleSearch } from './crewScheduleTypes';

/** URL search parameters for a schedule view; defaults (this week, one week, every role) are left out. */
export function writeCrewScheduleSearch(search: CrewScheduleSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.start) params.set('start', search.start);
  if (search.period !== 'week') params.set('period', search.period);
  if (search.crewRoleId) params.set('crewRoleId', search.crewRoleId);
  return params;
}
