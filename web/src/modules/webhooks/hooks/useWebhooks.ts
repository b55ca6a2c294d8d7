import { useMutation, useQuery } from '@apollo/client/react';
import { CreateWebhookMutation } from '../graphql/createWebhookMutation';
import { DeleteWebhookMutation } from '../graphql/deleteWebhookMutation';
import { UpdateWebhookMutation } from '../graphql/updateWebhookMutation';
import { WebhooksQuery } from '../graphql/webhooksQuery';
import { parseKinds } from '../utils/parseKinds';
import type { Webhook, WebhookFormValues } from '../utils/webhookTypes';

/** The registered webhooks (refreshed every few seconds for their delivery state) and their changes. */
export function useWebhooks() {
  const { data, loading, error } = useQuery(WebhooksQuery, { fetchPolicy: 'cache-and-network', pollInterval: 5_000 });
  const refetch = { refetchQueries: ['Webhooks', 'WebhookDeliveries'], awaitRefetchQueries: true };
  const [create, { loading: creating }] = useMutation(CreateWebhookMutation, refetch);
  const [update, { loading: updating }] = useMutation(UpdateWebhookMutation, refetch);
  const [remove] = useMutation(DeleteWebhookMutation, refetch);

  async function save(existing: Webhook | null, values: WebhookFormValues) {
    const input = {
      url: values.url.trim(),
      description: values.description.trim(),
      actions: parseKinds(values.actions),
      objectTypes: parseKinds(values.objectTypes),
      active: values.active,
      // An empty secret when editing keeps the current one.
      secret: values.secret ? values.secret : existing ? null : '',
    };
    if (existing) await update({ variables: { id: existing.id, expectedVersion: existing.version, input } });
    else await create({ variables: { input } });
  }

  async function deleteWebhook(id: string) {
    await remove({ variables: { id } });
  }

  return { webhooks: data?.webhooks ?? [], loading, error, save, saving: creating || updating, deleteWebhook };
}
