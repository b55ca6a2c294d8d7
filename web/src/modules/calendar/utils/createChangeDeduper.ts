/**
 * Lets through only changes newer than the last one applied to the same event. The replay that
 * starts a subscription, a catch-up after a reconnect and the live feed may overlap or arrive out
 * of order; an older state must never come back (a deleted event reappearing). Changes without a
 * sequence number (0: a mutation's own answer, shown at once) always pass.
 */
export function createChangeDeduper<Change extends { seq: number; eventId: string }>(): (changes: readonly Change[]) => Change[] {
  const lastSeqOf = new Map<string, number>();
  return (changes) =>
    changes.filter((change) => {
      if (change.seq === 0) return true;
      if (change.seq <= (lastSeqOf.get(change.eventId) ?? 0)) return false;
      lastSeqOf.set(change.eventId, change.seq);
      return true;
    });
}
