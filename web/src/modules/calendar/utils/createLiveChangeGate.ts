/** Holds back live changes of events the user is dragging or saving, and lets the rest through. */
export interface LiveChangeGate<Change> {
  /** Applies changes at once, except those of held events, which wait (the latest kept) until released. */
  push(changes: readonly Change[]): void;
  /** Starts holding back changes of one event (a drag or resize began). */
  hold(eventId: string): void;
  /** Stops holding an event and applies what waited for it. */
  release(eventId: string): void;
  isHeld(eventId: string): boolean;
}

/**
 * A drag in progress must not be disturbed by a live update of the same event (FullCalendar
 * would redraw the bar under the pointer), and the user's own drop decides first; changes of
 * other events are applied at once.
 */
export function createLiveChangeGate<Change extends { eventId: string }>(
  apply: (changes: Change[]) => void,
): LiveChangeGate<Change> {
  const held = new Map<string, Change[]>();
  return {
    push(changes) {
      const now: Change[] = [];
      for (const change of changes) {
        const waiting = held.get(change.eventId);
        if (waiting) waiting.push(change);
        else now.push(change);
      }
      if (now.length > 0) apply(now);
    },
    hold(eventId) {
      if (!held.has(eventId)) held.set(eventId, []);
    },
    release(eventId) {
      const waiting = held.get(eventId);
      held.delete(eventId);
      if (waiting && waiting.length > 0) apply(waiting);
    },
    isHeld(eventId) {
      return held.has(eventId);
    },
  };
}
