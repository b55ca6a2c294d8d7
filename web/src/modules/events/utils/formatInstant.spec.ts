import { describe, expect, it } from 'vitest';
import { formatInstant } from './formatInstant';

describe('formatInstant', () => {
  it('writes the time of the company zone, not the browser one', () => {
    expect(formatInstant('2026-06-12T15:30:00Z', 'en-GB', 'Europe/Moscow')).toBe('12 Jun 2026, 18:30');
    expect(formatInstant('2026-06-12T22:30:00Z', 'en-GB', 'Europe/Moscow')).toBe('13 Jun 2026, 01:30');
  });
});
