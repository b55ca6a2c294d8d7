import { useMutation } from '@apollo/client/react';
import { UpdateProductionEventMutation } from '../graphql/updateProductionEventMutation';
import type { UpdateProductionEventInput } from '../utils/productionEventTypes';

/** Saves changed fields of an event read at `expectedVersion`; the answer updates the cache. */
export function useUpdateProductionEvent() {
  const [mutate, { loading }] = useMutation(UpdateProductionEventMutation);

  async function updateProductionEvent(
    id: string,
    expectedVersion: number,
    input: UpdateProductionEventInput,
    overrideReason?: string,
  ) {
    const { data } = await mutate({ variables: { id, expectedVersion, input, overrideReason } });
    if (!data) throw new Error('updateProductionEvent returned no data');
    return data.updateProductionEvent;
  }

  return { updateProductionEvent, loading };
}
