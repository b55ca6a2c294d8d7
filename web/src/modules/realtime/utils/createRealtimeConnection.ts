import { createClient, type Client } from 'graphql-ws';
import {
  initialRealtimeState,
  reduceRealtimeStatus,
  type RealtimeEvent,
  type RealtimeStatus,
} from './reduceRealtimeStatus';
import { retryDelayMs } from './retryDelayMs';

/** The app's graphql-ws connection plus what the UI needs to know about it. */
export interface RealtimeConnection {
  readonly client: Client;
  getStatus(): RealtimeStatus;
  /** Called on every status change; returns the unsubscribe function. */
  subscribeStatus(listener: () => void): () => void;
  /** Called each time the connection is back after it was lost (time to catch up). */
  onReconnected(listener: () => void): () => void;
  /**
   * Closes the socket on purpose so that it reconnects with the current session cookie
   * (after login or logout); open subscriptions are resumed by graphql-ws.
   */
  restart(): void;
}

export interface CreateRealtimeConnectionOptions {
  url: string;
  /** Ping interval; a missing pong within `pongTimeoutMs` counts as a lost connection. */
  keepAliveMs?: number;
  pongTimeoutMs?: number;
}

const restartCloseCode = 4205;
const pongTimeoutCloseCode = 4408;

/**
 * Creates the graphql-ws client used by Apollo's subscription link. It retries for ever with
 * capped exponential back-off and jitter (the library default gives up after ~30 s) and
 * tracks connecting / connected / closed events to drive the "reconnecting…" banner.
 */
export function createRealtimeConnection({
  url,
  keepAliveMs = 15_000,
  pongTimeoutMs = 5_000,
}: CreateRealtimeConnectionOptions): RealtimeConnection {
  let state = initialRealtimeState;
  let activeSocket: WebSocket | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const statusListeners = new Set<() => void>();
  const reconnectListeners = new Set<() => void>();

  function dispatch(event: RealtimeEvent): void {
    const previous = state;
    state = reduceRealtimeStatus(state, event);
    if (state.status !== previous.status) {
      for (const listener of statusListeners) listener();
    }
    if (previous.status === 'reconnecting' && state.status === 'connected') {
      for (const listener of reconnectListeners) listener();
    }
  }

  const client = createClient({
    url,
    lazy: true,
    // Navigating between pages drops and re-adds subscriptions; keep the socket meanwhile.
    lazyCloseTimeout: 3_000,
    keepAlive: keepAliveMs,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    on: {
      connecting: (isRetry) => dispatch({ type: 'connecting', isRetry }),
      opened: (socket) => {
        activeSocket = socket as WebSocket;
      },
      connected: (socket) => {
        activeSocket = socket as WebSocket;
        dispatch({ type: 'connected' });
      },
      ping: (received) => {
        if (received) return;
        // A socket can die silently (sleeping laptop, dropped Wi-Fi); the pong proves it lives.
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          if (activeSocket?.readyState === WebSocket.OPEN) {
            activeSocket.close(pongTimeoutCloseCode, 'Pong timeout');
          }
        }, pongTimeoutMs);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: (event) => {
        activeSocket = undefined;
        clearTimeout(pongTimer);
        const code = typeof event === 'object' && event !== null && 'code' in event ? event.code : undefined;
        dispatch({ type: 'closed', code: typeof code === 'number' ? code : undefined });
      },
    },
  });

  return {
    client,
    getStatus: () => state.status,
    subscribeStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    restart() {
      if (activeSocket?.readyState !== WebSocket.OPEN) return;
      dispatch({ type: 'restart' });
      activeSocket.close(restartCloseCode, 'Client Restart');
    },
  };
}
