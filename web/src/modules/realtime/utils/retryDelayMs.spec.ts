import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retryDelayMs';

describe('retryDelayMs', () => {
  it('grows exponentially', () => {
    expect(retryDelayMs(0, () => 1)).toBe(1_000);
    expect(retryDelayMs(1, () => 1)).toBe(2_000);
    expect(retryDelayMs(3, () => 1)).toBe(8_000);
  });

  it('is capped at 30 s however many attempts failed', () => {
    expect(retryDelayMs(10, () => 1)).toBe(30_000);
    expect(retryDelayMs(1_000_000, () => 1)).toBe(30_000);
  });

  it('spreads attempts with jitter but never retries at once', () => {
    expect(retryDelayMs(0, () => 0)).toBe(250);
    expect(retryDelayMs(10, () => 0)).toBe(7_500);
    expect(retryDelayMs(2, () => 0.5)).toBe(2_500);
  });
});
