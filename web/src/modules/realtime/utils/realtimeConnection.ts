import { buildWebSocketUrl } from './buildWebSocketUrl';
import { createRealtimeConnection } from './createRealtimeConnection';

/** The one graphql-ws connection of this browser tab (same host, path `/graphql`). */
export const realtimeConnection = createRealtimeConnection({
  url: buildWebSocketUrl(window.location),
});
