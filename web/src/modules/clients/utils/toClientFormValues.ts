import type { Client, ClientFormValues } from './clientTypes';

/** An empty form for a new client. */
export const emptyClientForm: ClientFormValues = { name: '', kind: 'COMPANY', phone: '', email: '', contactPerson: '', notes: '' };

/** The edit form filled from a client as read. */
export function toClientFormValues(client: Client): ClientFormValues {
  return {
    name: client.name,
    kind: client.kind,
    phone: client.phone,
    email: client.email ?? '',
    contactPerson: client.contactPerson ?? '',
    notes: client.notes ?? '',
  };
}
