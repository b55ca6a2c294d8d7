import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { useViewer } from '../../auth/hooks/useViewer';
import { ReportEventPresenceMutation } from '../graphql/reportEventPresenceMutation';
import { EventPresenceChangedSubscription } from '../graphql/eventPresenceChangedSubscription';
import { browserTabId } from '../utils/browserTabId';
import { eventPresenceScope } from '../utils/eventPresenceScope';
import { otherPresentPeople } from '../utils/otherPresentPeople';

/** The API drops a tab after 30 s without a heartbeat. */
const heartbeatMs = 10_000;

/**
 * Who else has this event's page open, live. Subscribing marks this tab present; a heartbeat
 * every 10 s keeps it so and says whether an edit form is open (sent at once when that changes).
 */
export function useEventPresence(eventId: string, editing: boolean) {
  const client = useApolloClient();
  const viewer = useViewer();
  const scope = eventPresenceScope(eventId);
  const { data } = useSubscription(EventPresenceChangedSubscription, {
    variables: { scope, tabId: browserTabId },
  });

  useEffect(() => {
    function report() {
      client
        .mutate({
          mutation: ReportEventPresenceMutation,
          variables: { scope, editing, tabId: browserTabId },
          fetchPolicy: 'no-cache',
        })
        .catch(() => {
          // A missed heartbeat is harmless; the next one follows in 10 s.
        });
    }
    report();
    const timer = setInterval(report, heartbeatMs);
    return () => clearInterval(timer);
  }, [client, scope, editing]);

  const people = data?.presenceChanged.people;
  return useMemo(() => otherPresentPeople(people ?? [], viewer.id), [people, viewer.id]);
}
