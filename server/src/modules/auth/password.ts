import { hash, verify, type Algorithm } from '@node-rs/argon2';

const OPTIONS = { algorithm: 2 as Algorithm /* Argon2id; a const enum, so not importable under isolatedModules */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

/** Hashes a password with argon2id (OWASP parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the e-mail is unknown, so both cases take the same time.
const unknownAccountHash = hashPassword('loadout-unknown-account-placeholder');

/** Checks a password; `passwordHash` undefined means "no such account" (still spends the same work). */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const ok = await verify(passwordHash ?? (await unknownAccountHash), password).catch(() => false);
  return passwordHash !== undefined && ok;
}

/** Why a new password is unacceptable, or undefined when it is fine. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return undefined;
}
