function randomId(): string {
  // randomUUID needs a secure context; a plain-http LAN address is not one.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A random id of this browser tab for presence (letters, digits or "-"), the same for its
 * heartbeats and its subscription so that two tabs of one person count separately.
 */
export const browserTabId: string = randomId();
