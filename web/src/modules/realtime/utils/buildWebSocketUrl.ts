/**
 * The same-origin WebSocket URL of `path` (`ws:` under http, `wss:` under https), so the
 * session cookie authenticates the upgrade and no host is ever hard-coded.
 */
export function buildWebSocketUrl(
  location: Pick<Location, 'protocol' | 'host'>,
  path = '/graphql',
): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${path}`;
}
