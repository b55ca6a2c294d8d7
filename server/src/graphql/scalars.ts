import { GraphQLDateTime, GraphQLJSON, GraphQLSafeInt } from 'graphql-scalars';

/** An instant: ISO 8601 date-time, always sent in UTC. */
export const DateTimeScalar = GraphQLDateTime;
/** Arbitrary JSON (old and new values of journaled fields). */
export const JSONScalar = GraphQLJSON;
/** An integer up to 2^53 − 1, used for journal sequence numbers. */
export const SafeIntScalar = GraphQLSafeInt;
