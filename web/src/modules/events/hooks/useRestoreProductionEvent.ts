import { useMutation } from '@apollo/client/react';
import { RestoreProductionEventMutation } from '../graphql/restoreProductionEventMutation';

/** Brings an event back from the trash. */
export function useRestoreProductionEvent() {
  const [mutate, { loading }] = useMutation(RestoreProductionEventMutation);

  async function restoreProductionEvent(id: string, overrideReason?: string) {
    const { data } = await mutate({ variables: { id, overrideReason } });
    if (!data) throw new Error('restoreProductionEvent returned no data');
    return data.restoreProductionEvent;
  }

  return { restoreProductionEvent, loading };
}
