const storageKey = 'loadout.tabId';

function randomTabId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function readTabId(): string {
  try {
    const stored = sessionStorage.getItem(storageKey);
    if (stored && /^[A-Za-z0-9_-]{1,64}$/.test(stored)) return stored;
    const created = randomTabId();
    sessionStorage.setItem(storageKey, created);
    return created;
  } catch {
    // Storage can be disabled; the tab then keeps one id for as long as the page lives.
    return randomTabId();
  }
}

/**
 * A random id of this browser tab for presence, the same for its heartbeats and its subscription
 * (so two tabs of one person count separately) and kept in sessionStorage, so a reload stays the same tab.
 */
export const browserTabId: string = readTabId();
