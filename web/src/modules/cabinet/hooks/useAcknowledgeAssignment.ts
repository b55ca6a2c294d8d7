import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { AcknowledgeMyAssignmentMutation } from '../graphql/acknowledgeMyAssignmentMutation';

/**
 * Acknowledges my latest change on an event. The answer updates the event in the cache, so
 * every list showing it flips to "acknowledged" by itself.
 */
export function useAcknowledgeAssignment() {
  const [mutate] = useMutation(AcknowledgeMyAssignmentMutation);
  const [pendingEventId, setPendingEventId] = useState<string | null>(null);

  async function acknowledge(eventId: string): Promise<void> {
    setPendingEventId(eventId);
    try {
      await mutate({ variables: { eventId } });
    } finally {
      setPendingEventId((current) => (current === eventId ? null : current));
    }
  }

  return { acknowledge, pendingEventId };
}
