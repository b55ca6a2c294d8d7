import { useMutation } from '@apollo/client/react';
import { UpdateClientMutation } from '../graphql/updateClientMutation';
import type { ClientUpdateInput } from '../utils/buildClientUpdateInput';

/** Saves changed fields of a client read at `expectedVersion`; the answer updates the cache. */
export function useUpdateClient() {
  const [mutate, { loading }] = useMutation(UpdateClientMutation);

  async function updateClient(id: string, expectedVersion: number, input: ClientUpdateInput) {
    const { data } = await mutate({ variables: { id, expectedVersion, input } });
    if (!data) throw new Error('updateClient returned no data');
    return data.updateClient;
  }

  return { updateClient, loading };
}
