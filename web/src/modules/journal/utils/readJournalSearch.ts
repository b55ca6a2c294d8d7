import type { JournalSearch } from './journalTypes';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The journal view from the URL's search parameters; malformed values are ignored. */
export function readJournalSearch(params: URLSearchParams): JournalSearch {
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return isoDate.test(value) ? value : '';
  };
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const person = params.get('person')?.trim() ?? '';
  return {
    actorId: uuid.test(person) ? person : '',
    action: params.get('action')?.trim() ?? '',
    objectType: params.get('objectType')?.trim() ?? '',
    objectId: params.get('object')?.trim() ?? '',
    from: date('from'),
    to: date('to'),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}
