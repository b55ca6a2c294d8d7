import { useSyncExternalStore } from 'react';
import type { RealtimeStatus } from '../utils/reduceRealtimeStatus';
import { realtimeConnection } from '../utils/realtimeConnection';

/** The live connection status, re-rendering on change. */
export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore(realtimeConnection.subscribeStatus, realtimeConnection.getStatus);
}
