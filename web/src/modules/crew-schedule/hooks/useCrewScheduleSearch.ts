import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CrewScheduleSearch } from '../utils/crewScheduleTypes';
import { readCrewScheduleSearch } from '../utils/readCrewScheduleSearch';
import { writeCrewScheduleSearch } from '../utils/writeCrewScheduleSearch';

/** The schedule's period and crew role filter, kept in the URL so a view survives a reload and can be shared. */
export function useCrewScheduleSearch() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readCrewScheduleSearch(params), [params]);

  const setSearch = useCallback(
    (changes: Partial<CrewScheduleSearch>) => {
      setParams((current) => writeCrewScheduleSearch({ ...readCrewScheduleSearch(current), ...changes }));
    },
    [setParams],
  );

  return { search, setSearch };
}
