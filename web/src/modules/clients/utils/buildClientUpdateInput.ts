import type { Client, ClientFormValues } from './clientTypes';

/** The editable fields of `updateClient` (the phone has its own mutation). */
export interface ClientUpdateInput {
  name?: string;
  kind?: Client['kind'];
  email?: string | null;
  contactPerson?: string | null;
  notes?: string | null;
}

const optional = (value: string): string | null => value.trim() || null;

/**
 * Only the fields the user changed from `client` as read, so that a stale save merges with what
 * others changed meanwhile; a cleared optional field is sent as null.
 */
export function buildClientUpdateInput(client: Client, values: ClientFormValues): ClientUpdateInput {
  const input: ClientUpdateInput = {};
  if (values.name.trim() !== client.name) input.name = values.name.trim();
  if (values.kind !== client.kind) input.kind = values.kind;
  if (optional(values.email) !== (client.email ?? null)) input.email = optional(values.email);
  if (optional(values.contactPerson) !== (client.contactPerson ?? null)) input.contactPerson = optional(values.contactPerson);
  if (optional(values.notes) !== (client.notes ?? null)) input.notes = optional(values.notes);
  return input;
}
