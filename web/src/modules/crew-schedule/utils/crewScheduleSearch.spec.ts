import { describe, expect, it } from 'vitest';
import { readCrewScheduleSearch } from './readCrewScheduleSearch';
import { writeCrewScheduleSearch } from './writeCrewScheduleSearch';

describe('crew schedule search parameters', () => {
  it('round-trip', () => {
    const search = { start: '2025-03-10', period: 'month' as const, crewRoleId: 'role-1' };
    expect(readCrewScheduleSearch(writeCrewScheduleSearch(search))).toEqual(search);
  });

  it('leave defaults out of the URL', () => {
    expect(writeCrewScheduleSearch({ start: null, period: 'week', crewRoleId: null }).toString()).toBe('');
  });

  it('ignore malformed values', () => {
    expect(readCrewScheduleSearch(new URLSearchParams('start=2025-13-01&period=year&crewRoleId=%20'))).toEqual({
      start: null,
      period: 'week',
      crewRoleId: null,
    });
  });
});
