import type { ClientRefusal } from './readClientRefusal';

/**
 * The reason to show for a refused action: the server's per-field message when there is one
 * ("cannot be inactive: "Gala" on 2026-05-01 is confirmed"), else its whole message.
 */
export function refusalReason(refusal: Pick<ClientRefusal, 'fields' | 'message'>): string {
  return Object.values(refusal.fields)[0] ?? refusal.message;
}

/** Whether a refusal's field problems can be shown next to one of `fields`; if not, show it as a whole. */
export function hasFieldFor(refusal: Pick<ClientRefusal, 'fields'>, fields: readonly string[]): boolean {
  return fields.some((field) => refusal.fields[field]);
}
