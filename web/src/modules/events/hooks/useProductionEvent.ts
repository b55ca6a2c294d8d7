import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { realtimeConnection } from '../../realtime/utils/realtimeConnection';
import { ProductionEventQuery } from '../graphql/productionEventQuery';
import { useEventLiveUpdates } from './useEventLiveUpdates';

/**
 * One event, kept live: changes by others arrive over `calendarChanged` and land in the cache
 * (the event is normalised by id), and after a lost connection the event is read again.
 */
export function useProductionEvent(id: string) {
  const { data, previousData, loading, error, refetch } = useQuery(ProductionEventQuery, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const event = data?.productionEvent ?? (previousData?.productionEvent.id === id ? previousData.productionEvent : undefined);

  useEventLiveUpdates(event);

  useEffect(
    () =>
      realtimeConnection.onReconnected(() => {
        void refetch().catch(() => {
          // The next live change or reconnect tries again.
        });
      }),
    [refetch],
  );

  return { event, loading, error, refetch };
}
