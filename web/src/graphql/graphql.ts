import { initGraphQLTada } from 'gql.tada';
import type { introspection } from '../graphql-env.d.ts';

/**
 * The typed `graphql()` tag: every document is checked against `schema/schema.graphql`
 * (see `tadaOutputLocation` in tsconfig.json) and carries its result and variable types.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  disableMasking: true;
  scalars: {
    /** A calendar day in the company time zone, "YYYY-MM-DD". */
    Date: string;
    DateTime: string;
    JSON: unknown;
    SafeInt: number;
  };
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
