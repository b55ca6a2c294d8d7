import { CombinedGraphQLErrors } from '@apollo/client';

/** Why a stale edit was refused: someone else changed the same fields since it was read. */
export interface StaleEditConflict {
  /** Server field names, e.g. "title", "startDate". */
  conflictingFields: string[];
  /** Names of those who changed them. */
  changedBy: string[];
  currentVersion: number | null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The details of a `CONFLICT` refusing a stale edit (`extensions.conflictingFields`, `changedBy`,
 * `currentVersion`); null for any other error, including a double booking refused under BLOCK.
 */
export function readStaleEditConflict(error: unknown): StaleEditConflict | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const graphQLError of error.errors) {
    const extensions = graphQLError.extensions ?? {};
    if (extensions['code'] !== 'CONFLICT' || !('conflictingFields' in extensions)) continue;
    const version = extensions['currentVersion'];
    return {
      conflictingFields: strings(extensions['conflictingFields']),
      changedBy: strings(extensions['changedBy']),
      currentVersion: typeof version === 'number' ? version : null,
    };
  }
  return null;
}
