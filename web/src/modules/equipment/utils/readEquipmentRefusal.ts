import { CombinedGraphQLErrors } from '@apollo/client';
import { getFieldErrors, type FieldErrors } from '../../../graphql/getFieldErrors';

/** Why the server refused a catalogue change: its code, its message and the per-field problems. */
export interface EquipmentRefusal {
  /** `extensions.code`, e.g. `BAD_USER_INPUT`, `CONFLICT`; undefined for network errors. */
  code: string | undefined;
  message: string;
  fields: FieldErrors;
}

/** Reads a refused catalogue mutation's error. */
export function readEquipmentRefusal(error: unknown): EquipmentRefusal {
  if (!CombinedGraphQLErrors.is(error)) {
    return { code: undefined, message: error instanceof Error ? error.message : String(error), fields: {} };
  }
  const [first] = error.errors;
  const code = first?.extensions?.['code'];
  return { code: typeof code === 'string' ? code : undefined, message: first?.message ?? error.message, fields: getFieldErrors(error) };
}

/** The message to show above a form: field problems are shown next to their fields, anything else here. */
export function refusalSummary(refusal: EquipmentRefusal, shownFields: readonly string[]): string {
  const unshown = Object.entries(refusal.fields).filter(([field]) => !shownFields.includes(field));
  if (refusal.code === 'BAD_USER_INPUT' && unshown.length === 0 && Object.keys(refusal.fields).length > 0) return '';
  return unshown.length > 0 ? unshown.map(([field, message]) => `${field}: ${message}`).join('; ') : refusal.message;
}
