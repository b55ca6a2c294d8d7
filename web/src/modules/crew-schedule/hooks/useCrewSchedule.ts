import { useQuery, useSubscription } from '@apollo/client/react';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect } from 'react';
import { realtimeConnection } from '../../realtime/utils/realtimeConnection';
import { CrewScheduleChangedSubscription } from '../graphql/crewScheduleChangedSubscription';
import { CrewScheduleQuery } from '../graphql/crewScheduleQuery';
import type { CrewScheduleRow } from '../utils/crewScheduleTypes';

/** How long to wait for more changes before reloading; a drag or a batch of edits reloads once. */
const refetchDelayMs = 300;

/**
 * The crew schedule of days `from`…`to`, kept live: any committed change of an event touching
 * the period (or a reconnect after a lost connection) reloads the rows, debounced. The schedule
 * is derived per person on the server (lanes, conflict days), so reloading it is simpler and
 * safer than patching it from single-event changes.
 */
export function useCrewSchedule(from: string, to: string, crewRoleId: string | null) {
  const { data, previousData, loading, error, refetch } = useQuery(CrewScheduleQuery, {
    variables: { from, to, crewRoleId },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const reload = useDebouncedCallback(() => {
    void refetch().catch(() => {
      // The error shows through `error`; the next change tries again.
    });
  }, refetchDelayMs);

  useSubscription(CrewScheduleChangedSubscription, {
    variables: { from, to },
    ignoreResults: true,
    onData: () => reload(),
  });

  useEffect(() => realtimeConnection.onReconnected(() => reload()), [reload]);

  return {
    // While another period loads, keep the previous rows on screen.
    rows: (data ?? previousData)?.crewSchedule as CrewScheduleRow[] | undefined,
    loading,
    error,
    refetch,
  };
}
