import { clientStates, type ClientSearch, type ClientState } from './clientTypes';

/** The clients list view from the URL's search parameters; unknown states and bad pages are ignored. */
export function readClientSearch(params: URLSearchParams): ClientSearch {
  const states = (params.get('states') ?? '')
    .split(',')
    .map((state) => state.trim().toUpperCase())
    .filter((state): state is ClientState => (clientStates as readonly string[]).includes(state));
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    text: params.get('q')?.trim() ?? '',
    states: clientStates.filter((state) => states.includes(state)),
    archived: params.get('archived') === '1',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}
