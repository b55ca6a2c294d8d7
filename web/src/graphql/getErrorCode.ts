import { CombinedGraphQLErrors } from '@apollo/client';

/**
 * The `extensions.code` of the first GraphQL error in `error` (e.g. `UNAUTHENTICATED`,
 * `BAD_USER_INPUT`), or `undefined` for network errors and errors without a code.
 */
export function getErrorCode(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  for (const graphQLError of error.errors) {
    const code = graphQLError.extensions?.['code'];
    if (typeof code === 'string') return code;
  }
  return undefined;
}
