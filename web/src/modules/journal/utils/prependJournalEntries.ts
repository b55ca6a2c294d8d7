import type { JournalEntry, JournalPageData } from './journalTypes';

/**
 * A journal page with `incoming` entries added on top, newest first, skipping any already
 * shown (a catch-up after reconnect can overlap the live feed).
 */
export function prependJournalEntries(
  page: JournalPageData,
  incoming: readonly JournalEntry[],
): JournalPageData {
  const shown = new Set(page.journal.entries.map((entry) => entry.seq));
  const fresh = incoming
    .filter((entry) => !shown.has(entry.seq))
    .filter((entry, index, list) => list.findIndex((other) => other.seq === entry.seq) === index)
    .sort((a, b) => b.seq - a.seq);
  if (fresh.length === 0) return page;
  return {
    ...page,
    journal: {
      ...page.journal,
      total: page.journal.total + fresh.length,
      entries: [...fresh, ...page.journal.entries],
    },
  };
}
