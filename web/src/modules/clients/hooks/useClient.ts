import { useQuery } from '@apollo/client/react';
import { ClientQuery } from '../graphql/clientQuery';

/** One client, with its events when the viewer may read events. */
export function useClient(id: string, withEvents: boolean) {
  const { data, loading, error, refetch } = useQuery(ClientQuery, {
    variables: { id, withEvents },
    fetchPolicy: 'cache-and-network',
  });
  return { client: data?.client ?? null, loading, error, refetch };
}
