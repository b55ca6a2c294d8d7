/**
 * - `idle`: no socket (nothing subscribed yet, or closed normally because nothing is)
 * - `connecting`: first attempt, or reconnecting on purpose after a session change
 * - `connected`: acknowledged by the server
 * - `reconnecting`: the connection was lost and is being retried (the UI shows a banner)
 * - `failed`: the server closed with a code graphql-ws never retries (e.g. 4400, 4401, 4500)
 */
export type RealtimeStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface RealtimeState {
  status: RealtimeStatus;
  /** Set while the socket is closed on purpose to pick up a new session cookie. */
  restarting: boolean;
}

export type RealtimeEvent =
  | { type: 'connecting'; isRetry: boolean }
  | { type: 'connected' }
  | { type: 'closed'; code: number | undefined }
  | { type: 'restart' };

export const initialRealtimeState: RealtimeState = { status: 'idle', restarting: false };

// graphql-ws gives up on these close codes whatever `shouldRetry` says.
const fatalCloseCodes = new Set([4500, 4005, 4400, 4004, 4401, 4406, 4409, 4429]);
const retriedSystemCloseCodes = new Set([1000, 1001, 1005, 1006, 1012, 1013, 1014]);

function isFatalCloseCode(code: number): boolean {
  if (fatalCloseCodes.has(code)) return true;
  return code >= 1000 && code <= 1999 && !retriedSystemCloseCodes.has(code);
}

/** The connection state after one graphql-ws client event. */
export function reduceRealtimeStatus(state: RealtimeState, event: RealtimeEvent): RealtimeState {
  switch (event.type) {
    case 'restart':
      return { ...state, restarting: true };
    case 'connecting':
      if (state.restarting) return { ...state, status: 'connecting' };
      if (event.isRetry || state.status === 'reconnecting') return { ...state, status: 'reconnecting' };
      return { ...state, status: 'connecting' };
    case 'connected':
      return { status: 'connected', restarting: false };
    case 'closed':
      if (state.restarting) return { ...state, status: 'connecting' };
      // A normal closure is graphql-ws closing the lazy socket once nothing is subscribed.
      if (event.code === 1000) return { ...state, status: 'idle' };
      if (event.code !== undefined && isFatalCloseCode(event.code)) return { ...state, status: 'failed' };
      return { ...state, status: 'reconnecting' };
  }
}
