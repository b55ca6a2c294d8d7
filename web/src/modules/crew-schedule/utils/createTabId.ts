/**
 * A random id for this browser tab (letters, digits and `-`), sent with presence heartbeats and
 * the presence subscription so that two tabs of one person count separately.
 */
export function createTabId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; plain http on a LAN address is not one.
  return `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
