const baseDelayMs = 1_000;
const maxDelayMs = 30_000;

/**
 * How long to wait before reconnect attempt number `retries` (0-based): exponential back-off
 * capped at 30 s, with "full jitter" so that a restarted server is not hit by every browser in
 * the same instant. graphql-ws's own back-off grows without bound, which is wrong when retrying
 * for ever.
 */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(retries, 16));
  // Never retry in a tight loop: at least a quarter of the ceiling.
  return Math.round(ceiling / 4 + random() * (ceiling * 3) / 4);
}
