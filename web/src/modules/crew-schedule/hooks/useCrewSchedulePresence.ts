import { useMutation, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import type { ResultOf } from '../../../graphql/graphql';
import { realtimeConnection } from '../../realtime/utils/realtimeConnection';
import { CrewSchedulePresenceSubscription } from '../graphql/crewSchedulePresenceSubscription';
import { ReportCrewSchedulePresenceMutation } from '../graphql/reportCrewSchedulePresenceMutation';
import { createTabId } from '../utils/createTabId';
import { crewSchedulePresenceScope } from '../utils/crewSchedulePresenceScope';

export type PresentPerson = ResultOf<typeof CrewSchedulePresenceSubscription>['presenceChanged']['people'][number];

/** The server forgets a tab that stays silent for 30 s. */
const heartbeatMs = 10_000;

/**
 * Reports that this tab has the crew schedule open (a heartbeat every 10 s) and returns who
 * else has it open, live. The viewer's own other tabs are left out.
 */
export function useCrewSchedulePresence(viewerId: string): PresentPerson[] {
  const [tabId] = useState(createTabId);
  const [report] = useMutation(ReportCrewSchedulePresenceMutation);
  const { data } = useSubscription(CrewSchedulePresenceSubscription, {
    variables: { scope: crewSchedulePresenceScope, tabId },
  });

  useEffect(() => {
    function beat() {
      void report({ variables: { scope: crewSchedulePresenceScope, tabId } }).catch(() => {
        // Presence is a courtesy; the next heartbeat tries again.
      });
    }
    beat();
    const timer = setInterval(beat, heartbeatMs);
    const stopReconnect = realtimeConnection.onReconnected(beat);
    return () => {
      clearInterval(timer);
      stopReconnect();
    };
  }, [report, tabId]);

  const others = new Map<string, PresentPerson>();
  for (const entry of data?.presenceChanged.people ?? []) {
    if (entry.person.id !== viewerId && !others.has(entry.person.id)) others.set(entry.person.id, entry);
  }
  return [...others.values()];
}
