import type { JournalEntry, JournalFilter } from './journalTypes';

/** Whether a (live) journal entry belongs to the rows the server returns for `filter`. */
export function matchesJournalFilter(entry: JournalEntry, filter: JournalFilter): boolean {
  if (filter.action && entry.action !== filter.action) return false;
  if (filter.objectType && entry.objectType !== filter.objectType) return false;
  if (filter.objectId && entry.objectId !== filter.objectId) return false;
  if (filter.actorId && entry.actor?.id !== filter.actorId) return false;
  const at = Date.parse(entry.at);
  if (filter.from && at < Date.parse(filter.from)) return false;
  if (filter.to && at >= Date.parse(filter.to)) return false;
  return true;
}
