import { useQuery } from '@apollo/client/react';
import { ClientsQuery } from '../graphql/clientsQuery';
import type { ClientSearch } from '../utils/clientTypes';
import { toClientsVariables } from '../utils/toClientFilter';

/** One page of clients for a list view; the previous page stays on screen while the next loads. */
export function useClients(search: ClientSearch) {
  const { data, previousData, loading, error, refetch } = useQuery(ClientsQuery, {
    variables: toClientsVariables(search),
    fetchPolicy: 'cache-and-network',
  });
  return { page: (data ?? previousData)?.clients, loading, error, refetch };
}
