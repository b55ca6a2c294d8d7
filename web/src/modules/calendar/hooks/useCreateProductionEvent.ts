import { useMutation } from '@apollo/client/react';
import type { VariablesOf } from '../../../graphql/graphql';
import { CreateProductionEventMutation } from '../graphql/createProductionEventMutation';
import { toCalendarConflict } from '../utils/toCalendarConflict';
import { toCalendarProductionEvent } from '../utils/toCalendarProductionEvent';

export type CreateProductionEventInput = VariablesOf<typeof CreateProductionEventMutation>['input'];

/** Creates an event; answers it in the calendar's shape with the double bookings it caused. */
export function useCreateProductionEvent() {
  const [mutate, { loading }] = useMutation(CreateProductionEventMutation);

  async function createProductionEvent(input: CreateProductionEventInput) {
    const { data } = await mutate({ variables: { input } });
    const result = data?.createProductionEvent;
    if (!result) return null;
    return {
      event: toCalendarProductionEvent(result.event),
      conflicts: result.conflicts.map(toCalendarConflict),
    };
  }

  return { createProductionEvent, loading };
}
