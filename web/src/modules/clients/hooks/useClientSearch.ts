import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ClientSearch } from '../utils/clientTypes';
import { readClientSearch } from '../utils/readClientSearch';
import { writeClientSearch } from '../utils/writeClientSearch';

/**
 * The clients list's search, filters and page, kept in the URL so a view can be bookmarked and
 * shared. Changing a filter goes back to page 1 unless a page is given.
 */
export function useClientSearch() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readClientSearch(params), [params]);

  const setSearch = useCallback(
    (changes: Partial<ClientSearch>, options: { replace?: boolean } = {}) => {
      setParams((current) => writeClientSearch({ ...readClientSearch(current), page: 1, ...changes }), {
        replace: options.replace ?? false,
      });
    },
    [setParams],
  );

  return { search, setSearch };
}
