const keepMs = 15_000;
const shownAt = new Map<string, number>();

/**
 * Double bookings this tab has just told the user about. The mutation's answer and the live
 * `conflictRaised` feed report the same conflict; it is shown once.
 */
export const recentConflictNotices = {
  /** Remembers `key` and says whether it was new (not shown in the last 15 s). */
  claim(key: string, now: number = Date.now()): boolean {
    for (const [known, at] of shownAt) if (now - at > keepMs) shownAt.delete(known);
    if (shownAt.has(key)) return false;
    shownAt.set(key, now);
    return true;
  },
};
