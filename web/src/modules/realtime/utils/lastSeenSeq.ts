export interface SeqCursor {
  get(): number | null;
  note(seq: number): void;
}

/** The highest journal `seq` noted so far, kept in memory only. */
export function createSeqCursor(): SeqCursor {
  let highest: number | null = null;
  return {
    get: () => highest,
    note(seq) {
      if (highest === null || seq > highest) highest = seq;
    },
  };
}

/**
 * The highest journal `seq` this tab's journal views have seen. After the WebSocket reconnects,
 * `changesSince(lastSeenSeq.get())` returns what was missed meanwhile. (The calendar keeps a
 * cursor of its own: it starts from the `latestChangeSeq` read before its window loaded.)
 */
export const lastSeenSeq = createSeqCursor();
