import type { CrewNotification } from './cabinetEventTypes';

/**
 * The newest notification per event: only there does the list offer "Acknowledge", since an
 * acknowledgement covers every change of the event so far.
 */
export function latestSeqPerEvent(notifications: readonly CrewNotification[]): Set<number> {
  const latest = new Map<string, number>();
  for (const { eventId, seq } of notifications) {
    if ((latest.get(eventId) ?? -1) < seq) latest.set(eventId, seq);
  }
  return new Set(latest.values());
}
