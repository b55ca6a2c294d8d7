import { CombinedGraphQLErrors } from '@apollo/client';
import { getFieldErrors, type FieldErrors } from '../../../graphql/getFieldErrors';

/** Why the server refused a client change, in the terms the client pages explain. */
export interface ClientRefusal {
  /** `extensions.code`, e.g. `BAD_USER_INPUT`, `CONFLICT`, `FORBIDDEN`; undefined for network errors. */
  code: string | undefined;
  /** The server's message (for a rule such as "cannot be inactive while … is confirmed", the reason). */
  message: string;
  /** Per-field problems of a `BAD_USER_INPUT`. */
  fields: FieldErrors;
  /** The client that already has the phone, for a duplicate-phone refusal. */
  existingClient: { id: string; name: string } | null;
  /** A stale edit: the fields someone else changed, and who. */
  conflict: { fields: string[]; changedBy: string[] } | null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function clientRef(value: unknown): { id: string; name: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : null;
}

/** Reads a refused client mutation's error. */
export function readClientRefusal(error: unknown): ClientRefusal {
  if (!CombinedGraphQLErrors.is(error)) {
    return { code: undefined, message: error instanceof Error ? error.message : String(error), fields: {}, existingClient: null, conflict: null };
  }
  const [first] = error.errors;
  const extensions = first?.extensions ?? {};
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : undefined;
  return {
    code,
    message: first?.message ?? error.message,
    fields: getFieldErrors(error),
    existingClient: clientRef(extensions['existingClient']),
    conflict:
      code === 'CONFLICT'
        ? { fields: strings(extensions['conflictingFields']), changedBy: strings(extensions['changedBy']) }
        : null,
  };
}
