import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { useCatchUpAfterReconnect } from '../../realtime/hooks/useCatchUpAfterReconnect';
import { lastSeenSeq } from '../../realtime/utils/lastSeenSeq';
import { JournalAppendedSubscription } from '../graphql/journalAppendedSubscription';
import { JournalQuery } from '../graphql/journalQuery';
import { journalPageSize } from '../utils/journalPageSize';
import type { JournalEntry, JournalSearch } from '../utils/journalTypes';
import { matchesJournalFilter } from '../utils/matchesJournalFilter';
import { prependJournalEntries } from '../utils/prependJournalEntries';
import { toJournalFilter } from '../utils/toJournalFilter';
import { writeJournalSearch } from '../utils/writeJournalSearch';

/**
 * One page of the journal for a view, kept live: rows committed after the page loaded arrive
 * over `journalAppended` (and `changesSince` after a reconnect) and, when they match the
 * filter, are put on top of the first page without refetching it. On later pages they are
 * counted instead, so rows do not shift under the reader.
 */
export function useJournalEntries(search: JournalSearch, timeZone: string) {
  const filter = useMemo(() => toJournalFilter(search, timeZone), [search, timeZone]);
  const viewKey = writeJournalSearch({ ...search, page: 1 }).toString();
  const { data, previousData, loading, error, refetch, updateQuery } = useQuery(JournalQuery, {
    variables: {
      filter,
      page: { limit: journalPageSize, offset: (search.page - 1) * journalPageSize },
    },
    fetchPolicy: 'cache-and-network',
  });
  const [newOnFirstPage, setNewOnFirstPage] = useState({ viewKey, count: 0 });

  useEffect(() => {
    for (const entry of data?.journal.entries ?? []) lastSeenSeq.note(entry.seq);
  }, [data]);

  function receive(entries: readonly JournalEntry[]) {
    for (const entry of entries) lastSeenSeq.note(entry.seq);
    const matching = entries.filter((entry) => matchesJournalFilter(entry, filter));
    if (matching.length === 0) return;
    if (search.page === 1) {
      updateQuery((_, { complete, previousData: page }) =>
        complete ? prependJournalEntries(page, matching) : undefined,
      );
      return;
    }
    setNewOnFirstPage((previous) => ({
      viewKey,
      count: (previous.viewKey === viewKey ? previous.count : 0) + matching.length,
    }));
    updateQuery((_, { complete, previousData: page }) =>
      complete
        ? { ...page, journal: { ...page.journal, total: page.journal.total + matching.length } }
        : undefined,
    );
  }

  useSubscription(JournalAppendedSubscription, {
    ignoreResults: true,
    onData: ({ data: result }) => {
      if (result.data) receive([result.data.journalAppended]);
    },
  });
  useCatchUpAfterReconnect(receive);

  return {
    // While another page or filter loads, keep showing the previous rows.
    journal: (data ?? previousData)?.journal,
    loading,
    error,
    refetch,
    newOnFirstPage: newOnFirstPage.viewKey === viewKey ? newOnFirstPage.count : 0,
  };
}
