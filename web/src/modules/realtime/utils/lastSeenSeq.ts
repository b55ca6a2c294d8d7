let highest: number | null = null;

/**
 * The highest journal `seq` this tab has seen, kept in memory only. After the WebSocket
 * reconnects, `changesSince(lastSeenSeq.get())` returns what was missed meanwhile.
 */
export const lastSeenSeq = {
  get(): number | null {
    return highest;
  },
  note(seq: number): void {
    if (highest === null || seq > highest) highest = seq;
  },
};
