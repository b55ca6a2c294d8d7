/** Shortest password the form accepts (the server enforces its own rule as well). */
export const minPasswordLength = 8;

export interface PasswordChangeValues {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

export type PasswordChangeProblem = 'required' | 'tooShort' | 'mismatch';

/** Client-side checks of the change-password form, by field; empty when it may be sent. */
export function validatePasswordChange(
  values: PasswordChangeValues,
): Partial<Record<keyof PasswordChangeValues, PasswordChangeProblem>> {
  const problems: Partial<Record<keyof PasswordChangeValues, PasswordChangeProblem>> = {};
  if (!values.currentPassword) problems.currentPassword = 'required';
  if (!values.newPassword) problems.newPassword = 'required';
  else if ([...values.newPassword].length < minPasswordLength) problems.newPassword = 'tooShort';
  if (!values.repeatPassword) problems.repeatPassword = 'required';
  else if (values.repeatPassword !== values.newPassword) problems.repeatPassword = 'mismatch';
  return problems;
}
