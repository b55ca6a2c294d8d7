import type { ClientFormValues } from './clientTypes';

/** A field's problem as an i18n key, e.g. `clients.form.required`. */
export type ClientFormProblems = Partial<Record<keyof ClientFormValues, string>>;

const roughEmail = /^[^\s@]+@[^\s@]+$/;

/**
 * What can be told before asking the server: required fields, and an e-mail without "@". The
 * server decides the rest (phone format, duplicates, exact e-mail rules).
 */
export function validateClientForm(values: ClientFormValues, withPhone: boolean): ClientFormProblems {
  const problems: ClientFormProblems = {};
  if (!values.name.trim()) problems.name = 'clients.form.required';
  if (withPhone && !values.phone.trim()) problems.phone = 'clients.form.required';
  if (values.email.trim() && !roughEmail.test(values.email.trim())) problems.email = 'clients.form.badEmail';
  return problems;
}
