import { CombinedGraphQLErrors } from '@apollo/client';
import type { CalendarConflict } from './calendarTypes';
import { toCalendarConflict } from './toCalendarConflict';

/** Why the server refused a change, in terms the calendar can explain. */
export type WriteRefusal =
  /** Someone changed the same fields since the version the user had. */
  | { kind: 'stale'; changedBy: string[]; fields: string[]; message: string }
  /** Double bookings are blocked by company policy. */
  | { kind: 'blocked'; conflicts: CalendarConflict[]; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'other'; message: string };

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function conflicts(value: unknown): CalendarConflict[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    try {
      return [toCalendarConflict(item as Parameters<typeof toCalendarConflict>[0])];
    } catch {
      return [];
    }
  });
}

/** Reads a refused mutation's error (`CONFLICT`, `FORBIDDEN`, `BAD_USER_INPUT`…) into a `WriteRefusal`. */
export function describeWriteRefusal(error: unknown): WriteRefusal {
  if (!CombinedGraphQLErrors.is(error)) {
    return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
  }
  const [first] = error.errors;
  const message = first?.message ?? error.message;
  const extensions = first?.extensions ?? {};
  switch (extensions['code']) {
    case 'CONFLICT': {
      const found = conflicts(extensions['conflicts']);
      if (found.length > 0) return { kind: 'blocked', conflicts: found, message };
      return {
        kind: 'stale',
        changedBy: strings(extensions['changedBy']),
        fields: strings(extensions['conflictingFields']),
        message,
      };
    }
    case 'FORBIDDEN':
      return { kind: 'forbidden', message };
    case 'BAD_USER_INPUT':
      return { kind: 'invalid', message };
    default:
      return { kind: 'other', message };
  }
}
