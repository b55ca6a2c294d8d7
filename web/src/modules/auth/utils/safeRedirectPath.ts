/**
 * The `next` parameter of /login if it is a path inside this app, else `fallback`; never an
 * absolute or protocol-relative URL (that would be an open redirect).
 */
export function safeRedirectPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return fallback;
  return next;
}
