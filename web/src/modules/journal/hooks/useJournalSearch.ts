import { useCallback, useMemo, useRef } from 'react';
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
  // A debounced text filter may call an older `setSearch`; it must still start from the URL as it
  // is now, or it would drop a filter chosen meanwhile (react-router's updater gets the params of
  // the render that made it).
  const latestParams = useRef(params);
  latestParams.current = params;

  const setSearch = useCallback(
    (changes: Partial<JournalSearch>, options: { replace?: boolean } = {}) => {
      setParams(() => writeJournalSearch({ ...readJournalSearch(latestParams.current), page: 1, ...changes }), {
        replace: options.replace ?? false,
      });
    },
    [setParams],
  );

  return { search, setSearch };
}
