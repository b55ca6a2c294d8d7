import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import type { Client } from 'graphql-ws';

export interface CreateApolloClientOptions {
  /** The graphql-ws client that carries subscriptions. */
  wsClient: Client;
  /**
   * Called when the server answers `UNAUTHENTICATED` to anything but a login attempt, i.e. the
   * session ended elsewhere (signed out everywhere, account deactivated, expired).
   */
  onSessionLost: () => void;
}

/** Operations whose `UNAUTHENTICATED` answer is an expected outcome, not a lost session. */
const operationsAllowedToFailAuth = new Set(['Login']);

/**
 * Apollo Client with queries and mutations over HTTP POST to the same-origin `/graphql`
 * (the session cookie travels with them) and subscriptions over graphql-ws.
 */
export function createApolloClient({ wsClient, onSessionLost }: CreateApolloClientOptions) {
  const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const wsLink = new GraphQLWsLink(wsClient);
  const transport = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    wsLink,
    httpLink,
  );
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (operationsAllowedToFailAuth.has(operation.operationName ?? '')) return;
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((graphQLError) => graphQLError.extensions?.['code'] === 'UNAUTHENTICATED')
    ) {
      onSessionLost();
    }
  });

  return new ApolloClient({
    link: ApolloLink.from([sessionLink, transport]),
    cache: new InMemoryCache({
      typePolicies: {
        AppInfo: { keyFields: [] },
        JournalEntry: { keyFields: ['seq'] },
        JournalPage: { keyFields: false },
        FieldChange: { keyFields: false },
      },
    }),
  });
}
