import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'loadout_session';

/** A new opaque session token (256 random bits). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored, so a leaked database holds no usable tokens. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
