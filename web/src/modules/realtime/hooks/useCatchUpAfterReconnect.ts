import { useApolloClient } from '@apollo/client/react';
import { useEffect, useEffectEvent } from 'react';
import type { ResultOf } from '../../../graphql/graphql';
import { ChangesSinceQuery } from '../graphql/changesSinceQuery';
import { lastSeenSeq } from '../utils/lastSeenSeq';
import { realtimeConnection } from '../utils/realtimeConnection';

export type MissedChange = ResultOf<typeof ChangesSinceQuery>['changesSince'][number];

/**
 * After the WebSocket comes back from a lost connection, fetches `changesSince` the last seen
 * journal seq and hands the missed changes (oldest first) to `onMissed`. Live subscriptions
 * resume by themselves; this fills the gap while they were down.
 */
export function useCatchUpAfterReconnect(
  onMissed: (changes: MissedChange[]) => void,
  enabled = true,
): void {
  const client = useApolloClient();
  const handleMissed = useEffectEvent(onMissed);

  useEffect(() => {
    if (!enabled) return;
    return realtimeConnection.onReconnected(() => {
      const since = lastSeenSeq.get();
      if (since === null) return;
      client
        .query({ query: ChangesSinceQuery, variables: { seq: since }, fetchPolicy: 'network-only' })
        .then(({ data }) => {
          const changes = data?.changesSince ?? [];
          for (const change of changes) lastSeenSeq.note(change.seq);
          if (changes.length > 0) handleMissed(changes);
        })
        .catch(() => {
          // Catch-up is best effort; the live feed is already running again.
        });
    });
  }, [client, enabled]);
}
