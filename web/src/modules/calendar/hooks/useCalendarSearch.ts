import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CalendarSearch } from '../utils/calendarTypes';
import { readCalendarSearch } from '../utils/readCalendarSearch';
import { writeCalendarSearch } from '../utils/writeCalendarSearch';

/**
 * The calendar's filters, view and day, kept in the URL so a view survives a reload and can be
 * shared. Filter changes add a history entry; following the calendar's own navigation replaces it.
 */
export function useCalendarSearch() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readCalendarSearch(params), [params]);

  const setSearch = useCallback(
    (changes: Partial<CalendarSearch>, options: { replace?: boolean } = {}) => {
      setParams((current) => writeCalendarSearch({ ...readCalendarSearch(current), ...changes }), {
        replace: options.replace ?? false,
      });
    },
    [setParams],
  );

  return { search, setSearch };
}
