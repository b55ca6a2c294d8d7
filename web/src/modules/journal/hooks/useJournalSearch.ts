import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { JournalSearch } from '../utils/journalTypes';
import { readJournalSearch } from '../utils/readJournalSearch';
import { writeJournalSearch } from '../utils/writeJournalSearch';

/**
 * The journal's filters and page, kept in the URL so a view can be bookmarked and shared.
 * Changing a filter goes back to page 1 unless a page is given.
 */
export function useJournalSearch() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readJournalSearch(params), [params]);

  const setSearch = useCallback(
    (changes: Partial<JournalSearch>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => writeJournalSearch({ ...readJournalSearch(current), page: 1, ...changes }),
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  return { search, setSearch };
}
