import { describe, expect, it } from 'vitest';
import { zonedDayStart } from './zonedDayStart';

describe('zonedDayStart', () => {
  it('handles a fixed offset east of UTC', () => {
    expect(zonedDayStart('2025-03-01', 'Europe/Moscow')).toBe('2025-02-28T21:00:00.000Z');
  });

  it('handles UTC itself', () => {
    expect(zonedDayStart('2025-03-01', 'UTC')).toBe('2025-03-01T00:00:00.000Z');
  });

  it('follows daylight saving time', () => {
    expect(zonedDayStart('2025-01-15', 'America/New_York')).toBe('2025-01-15T05:00:00.000Z');
    expect(zonedDayStart('2025-07-15', 'America/New_York')).toBe('2025-07-15T04:00:00.000Z');
    // The day DST starts (02:00 → 03:00) still begins at local midnight, EST.
    expect(zonedDayStart('2025-03-09', 'America/New_York')).toBe('2025-03-09T05:00:00.000Z');
  });

  it('shifts by whole days across month ends', () => {
    expect(zonedDayStart('2025-03-31', 'Europe/Moscow', 1)).toBe('2025-03-31T21:00:00.000Z');
    expect(zonedDayStart('2024-12-31', 'UTC', 1)).toBe('2025-01-01T00:00:00.000Z');
  });
});
