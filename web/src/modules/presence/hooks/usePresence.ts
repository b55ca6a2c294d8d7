import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { useViewer } from '../../auth/hooks/useViewer';
import { realtimeConnection } from '../../realtime/utils/realtimeConnection';
import { PresenceChangedSubscription } from '../graphql/presenceChangedSubscription';
import { ReportPresenceMutation } from '../graphql/reportPresenceMutation';
import { browserTabId } from '../utils/browserTabId';
import { otherPresentPeople } from '../utils/otherPresentPeople';
import type { PresenceEntry } from '../utils/presenceTypes';

/** The API drops a tab after 30 s without a heartbeat. */
const heartbeatMs = 10_000;

/**
 * Who else has `scope` open ("calendar", "crew-schedule", "event:<id>"), live. Subscribing marks
 * this tab present; a heartbeat every 10 s (and at once after a reconnect or when `editing`
 * changes) keeps it so and says whether an edit dialog is open.
 */
export function usePresence(scope: string, editing = false): PresenceEntry[] {
  const client = useApolloClient();
  const viewer = useViewer();
  const { data } = useSubscription(PresenceChangedSubscription, { variables: { scope, tabId: browserTabId } });

  useEffect(() => {
    function report() {
      client
        .mutate({ mutation: ReportPresenceMutation, variables: { scope, editing, tabId: browserTabId }, fetchPolicy: 'no-cache' })
        .catch(() => {
          // A missed heartbeat is harmless; the next one follows in 10 s.
        });
    }
    report();
    const timer = setInterval(report, heartbeatMs);
    const stopReconnect = realtimeConnection.onReconnected(report);
    return () => {
      clearInterval(timer);
      stopReconnect();
    };
  }, [client, scope, editing]);

  const people = data?.presenceChanged.people;
  return useMemo(() => otherPresentPeople(people ?? [], viewer.id), [people, viewer.id]);
}
