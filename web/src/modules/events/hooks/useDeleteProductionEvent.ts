import { useMutation } from '@apollo/client/react';
import { DeleteProductionEventMutation } from '../graphql/deleteProductionEventMutation';

/** Moves an event to the trash; the page then shows the trash banner. */
export function useDeleteProductionEvent() {
  const [mutate, { loading }] = useMutation(DeleteProductionEventMutation);

  async function deleteProductionEvent(id: string) {
    const { data } = await mutate({ variables: { id } });
    if (!data) throw new Error('deleteProductionEvent returned no data');
    return data.deleteProductionEvent;
  }

  return { deleteProductionEvent, loading };
}
