import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { ProductionEventQuery } from '../graphql/productionEventQuery';
import type { ProductionEvent } from '../utils/productionEventTypes';

/**
 * Reads an event from the server, bypassing the cache, and updates the cache with it — after a
 * refused stale change the page then shows what others saved.
 */
export function useReadCurrentEvent(): (id: string) => Promise<ProductionEvent | undefined> {
  const client = useApolloClient();
  return useCallback(
    async (id: string) => {
      const { data } = await client.query({ query: ProductionEventQuery, variables: { id }, fetchPolicy: 'network-only' });
      return data?.productionEvent;
    },
    [client],
  );
}
