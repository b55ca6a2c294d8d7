import { clientStates, type ClientSearch } from './clientTypes';

/** URL search parameters for a clients list view; empty filters and page 1 are left out. */
export function writeClientSearch(search: ClientSearch): URLSearchParams {
  const params = new URLSearchParams();
  const text = search.text.trim();
  if (text) params.set('q', text);
  const states = clientStates.filter((state) => search.states.includes(state));
  if (states.length > 0) params.set('states', states.join(','));
  if (search.archived) params.set('archived', '1');
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}
