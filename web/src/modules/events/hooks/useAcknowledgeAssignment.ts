import { useMutation } from '@apollo/client/react';
import { AcknowledgeAssignmentMutation } from '../graphql/acknowledgeAssignmentMutation';

/** The viewer confirms they have seen their latest change on this event. */
export function useAcknowledgeAssignment() {
  const [mutate, { loading }] = useMutation(AcknowledgeAssignmentMutation);

  async function acknowledgeAssignment(eventId: string) {
    const { data } = await mutate({ variables: { eventId } });
    if (!data) throw new Error('acknowledgeAssignment returned no data');
    return data.acknowledgeAssignment;
  }

  return { acknowledgeAssignment, loading };
}
