import type { CrewNotification } from './cabinetEventTypes';

/**
 * The notifications shown, newest first, with `incoming` merged in: a notification seen twice
 * (the live feed and a catch-up can overlap) is kept once, in its latest form, and only the
 * newest `limit` are kept.
 */
export function mergeNotifications(
  shown: readonly CrewNotification[],
  incoming: readonly CrewNotification[],
  limit: number,
): CrewNotification[] {
  const bySeq = new Map<number, CrewNotification>();
  for (const notification of shown) bySeq.set(notification.seq, notification);
  for (const notification of incoming) bySeq.set(notification.seq, notification);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, limit);
}
