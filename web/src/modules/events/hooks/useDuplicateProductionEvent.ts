import { useMutation } from '@apollo/client/react';
import { DuplicateProductionEventMutation } from '../graphql/duplicateProductionEventMutation';

/** Copies an event (same length, crew, client, venue) to a new first show day, as a draft. */
export function useDuplicateProductionEvent() {
  const [mutate, { loading }] = useMutation(DuplicateProductionEventMutation);

  async function duplicateProductionEvent(id: string, startDate: string, overrideReason?: string) {
    const { data } = await mutate({ variables: { id, startDate, overrideReason } });
    if (!data) throw new Error('duplicateProductionEvent returned no data');
    return data.duplicateProductionEvent;
  }

  return { duplicateProductionEvent, loading };
}
