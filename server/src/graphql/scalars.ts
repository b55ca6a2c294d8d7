import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTime, GraphQLJSON, GraphQLSafeInt } from 'graphql-scalars';
import { isCalendarDate, type CalendarDate } from '../common/calendar-dates.js';

/** An instant: ISO 8601 date-time, always sent in UTC. */
export const DateTimeScalar = GraphQLDateTime;
/** Arbitrary JSON (old and new values of journaled fields). */
export const JSONScalar = GraphQLJSON;
/** An integer up to 2^53 − 1, used for journal sequence numbers. */
export const SafeIntScalar = GraphQLSafeInt;

function calendarDate(value: unknown): CalendarDate {
  if (!isCalendarDate(value)) throw new GraphQLError(`Date must be a real calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day in the company time zone, `YYYY-MM-DD`; kept as a string end to end, never an instant. */
export const CalendarDateScalar = new GraphQLScalarType<CalendarDate, CalendarDate>({
  name: 'Date',
  description: 'A calendar day in the company time zone, written YYYY-MM-DD (e.g. "2026-06-01"). Not an instant.',
  // Output comes from PostgreSQL `date::text`, already a real day: checking the shape is enough (a month's calendar has ~25,000 of them).
  serialize(value) {
    if (typeof value !== 'string' || !DATE_SHAPE.test(value)) throw new GraphQLError(`Date must be written YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: calendarDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string written YYYY-MM-DD');
    return calendarDate(ast.value);
  },
});
