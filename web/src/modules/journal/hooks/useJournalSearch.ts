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
      // Start from the browser's URL as it is now, not from the params of a render: the router
      // applies a navigation in a transition, so a debounced text filter firing before that render
      // lands would otherwise drop a filter chosen just before (e.g. the person).
      setParams(() => writeJournalSearch({ ...readJournalSearch(new URLSearchParams(window.location.search)), page: 1, ...changes }), {
        replace: options.replace ?? false,
      });
    },
    [setParams],
  );

  return { search, setSearch };
}
