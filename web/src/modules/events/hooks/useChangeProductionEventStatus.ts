import { useMutation } from '@apollo/client/react';
import { ChangeProductionEventStatusMutation } from '../graphql/changeProductionEventStatusMutation';
import type { ProductionEventStatus } from '../utils/productionEventTypes';

/** Moves an event along its workflow. */
export function useChangeProductionEventStatus() {
  const [mutate, { loading }] = useMutation(ChangeProductionEventStatusMutation);

  async function changeStatus(
    id: string,
    expectedVersion: number,
    status: ProductionEventStatus,
    overrideReason?: string,
  ) {
    const { data } = await mutate({ variables: { id, expectedVersion, status, overrideReason } });
    if (!data) throw new Error('changeProductionEventStatus returned no data');
    return data.changeProductionEventStatus;
  }

  return { changeStatus, loading };
}
