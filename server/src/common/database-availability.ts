/**
 * SQLSTATE classes and codes that mean "the database cannot be used right now", not "this request is
 * wrong": connection exceptions (08), operator intervention such as a shutdown (57P01–57P03), too many
 * connections (53300).
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-3]|53300)$/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [
  /Timeout acquiring a connection/i, // knex/tarn: the pool could not get a connection in time
  /Connection terminated/i, // pg: the socket closed under a query or during connect
  /timeout expired/i, // pg: connectionTimeoutMillis
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  // knex: the transaction was rolled back under the query because its connection failed mid-way.
  /Transaction query already complete/i,
];

/**
 * Whether `error` (or anything it wraps) says the database is unreachable — what the API answers as
 * `SERVICE_UNAVAILABLE` instead of a masked internal error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { name, code, message } = current as { name?: unknown; code?: unknown; message?: unknown };
    if (name === 'KnexTimeoutError' || name === 'ConnectionException') return true;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    const next = current as { cause?: unknown; originalError?: unknown; previous?: unknown };
    current = next.originalError ?? next.cause ?? next.previous;
  }
  return false;
}
