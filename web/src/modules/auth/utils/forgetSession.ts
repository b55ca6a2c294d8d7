import type { ApolloClient } from '@apollo/client';
import { realtimeConnection } from '../../realtime/utils/realtimeConnection';
import { MeQuery } from '../graphql/meQuery';

/**
 * Forgets the account that just signed out (or whose session ended elsewhere): marks the
 * visitor as signed out first — `RequireAuth` then shows the login page and the account's
 * pages unmount — reconnects the WebSocket without the old cookie, and drops everything else
 * cached for that account.
 */
export async function forgetSession(client: ApolloClient): Promise<void> {
  client.writeQuery({ query: MeQuery, data: { me: null } });
  realtimeConnection.restart();
  // Not clearStore(): it also discards the cache watches of the queries still on screen
  // (app info, viewer), which would then miss the next sign-in. resetStore() keeps them
  // and refetches them.
  try {
    await client.resetStore();
  } catch {
    // A page of the old account that had not unmounted yet may fail to refetch; it is gone.
  }
}
