import type { VariablesOf } from '../../../graphql/graphql';
import type { ClientsQuery } from '../graphql/clientsQuery';
import { clientPageSize } from './clientPageSize';
import type { ClientSearch } from './clientTypes';

type ClientsVariables = VariablesOf<typeof ClientsQuery>;

/** The `clients` query's variables for a list view. */
export function toClientsVariables(search: ClientSearch): ClientsVariables {
  return {
    filter: {
      search: search.text || null,
      states: search.states.length > 0 ? search.states : null,
      archived: search.archived,
    },
    page: { limit: clientPageSize, offset: (search.page - 1) * clientPageSize },
  };
}
