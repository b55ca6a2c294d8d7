import type { JournalSearch } from './journalTypes';

/** URL search parameters for a journal view; empty filters and page 1 are left out. */
export function writeJournalSearch(search: JournalSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.actorId) params.set('person', search.actorId);
  if (search.action) params.set('action', search.action);
  if (search.objectType) params.set('objectType', search.objectType);
  if (search.objectId) params.set('object', search.objectId);
  if (search.from) params.set('from', search.from);
  if (search.to) params.set('to', search.to);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}
