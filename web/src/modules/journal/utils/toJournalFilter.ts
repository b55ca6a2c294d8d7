import type { JournalFilter, JournalSearch } from './journalTypes';
import { zonedDayStart } from './zonedDayStart';

/**
 * The server filter for a journal view. Dates are whole days in the company time zone, both
 * inclusive in the UI: `to` becomes the (exclusive) start of the following day.
 */
export function toJournalFilter(search: JournalSearch, timeZone: string): JournalFilter {
  const filter: JournalFilter = {};
  if (search.actorId) filter.actorId = search.actorId;
  if (search.action) filter.action = search.action;
  if (search.objectType) filter.objectType = search.objectType;
  if (search.objectId) filter.objectId = search.objectId;
  if (search.from) filter.from = zonedDayStart(search.from, timeZone);
  if (search.to) filter.to = zonedDayStart(search.to, timeZone, 1);
  return filter;
}
