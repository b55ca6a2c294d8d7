import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { buildWebSocketUrl } from '../../realtime/utils/buildWebSocketUrl';

/**
 * GraphiQL's fetcher for this server: HTTP to the same-origin `/graphql` with the session
 * cookie, subscriptions over graphql-ws on the same host (the cookie authenticates the upgrade).
 */
export function createPlaygroundFetcher(location: Pick<Location, 'protocol' | 'host'>): Fetcher {
  return createGraphiQLFetcher({
    url: '/graphql',
    subscriptionUrl: buildWebSocketUrl(location),
    fetch: (input, init) => fetch(input, { ...init, credentials: 'include' }),
  });
}
