const keyPrefix = 'loadout.lastSeenNotificationSeq.';

function key(userId: string): string {
  return `${keyPrefix}${userId}`;
}

/**
 * The highest notification seq a person has marked as seen, kept in this browser's
 * localStorage per account; notifications after it count as new. Storage that is full or
 * switched off degrades to "everything is new", never to an error.
 */
export const lastSeenNotificationSeq = {
  get(userId: string): number | null {
    try {
      const value = Number.parseInt(window.localStorage.getItem(key(userId)) ?? '', 10);
      return Number.isSafeInteger(value) && value >= 0 ? value : null;
    } catch {
      return null;
    }
  },
  /** Remembers `seq` unless a higher one is already remembered (another tab may be ahead). */
  set(userId: string, seq: number): void {
    try {
      if ((lastSeenNotificationSeq.get(userId) ?? -1) >= seq) return;
      window.localStorage.setItem(key(userId), String(seq));
    } catch {
      // Not remembered; the same notifications show as new next time.
    }
  },
};
