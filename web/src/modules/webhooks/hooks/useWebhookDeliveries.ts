import { useQuery } from '@apollo/client/react';
import { WebhookDeliveriesQuery } from '../graphql/webhookDeliveriesQuery';

/** Recent delivery attempts of every webhook, newest first; optionally only the failed ones. */
export function useWebhookDeliveries(failedOnly: boolean) {
  const { data, loading, error } = useQuery(WebhookDeliveriesQuery, { variables: { failedOnly }, fetchPolicy: 'cache-and-network', pollInterval: 5_000 });
  return { deliveries: data?.webhookDeliveries ?? [], loading, error };
}
