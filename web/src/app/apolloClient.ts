import { createApolloClient } from '../graphql/createApolloClient';
import { MeQuery } from '../modules/auth/graphql/meQuery';
import { forgetSession } from '../modules/auth/utils/forgetSession';
import { realtimeConnection } from '../modules/realtime/utils/realtimeConnection';

/** The app's one Apollo Client, sharing the tab's graphql-ws connection. */
export const apolloClient = createApolloClient({
  wsClient: realtimeConnection.client,
  onSessionLost: () => {
    // Only once: after this the viewer is null and the pages that asked are unmounted.
    if (apolloClient.readQuery({ query: MeQuery })?.me) void forgetSession(apolloClient);
  },
});
