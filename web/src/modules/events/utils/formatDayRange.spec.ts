import { describe, expect, it } from 'vitest';
import { formatDay } from './formatDay';
import { formatDayRange } from './formatDayRange';

describe('formatDayRange', () => {
  it('writes one day once', () => {
    expect(formatDayRange('2026-06-12', '2026-06-12', 'en-GB')).toBe('12 Jun 2026');
  });

  it('writes a range compactly in the language', () => {
    expect(formatDayRange('2026-06-12', '2026-06-14', 'en-GB')).toMatch(/^12\s?–\s?14 Jun 2026$/);
    expect(formatDayRange('2026-06-30', '2026-07-01', 'ru')).toMatch(/30 июн\.?\s?–\s?1 июл\.? 2026/);
  });

  it('never shifts a day, whatever the browser zone', () => {
    expect(formatDayRange('2026-01-01', '2026-01-01', 'en-GB')).toBe('1 Jan 2026');
  });
});

describe('formatDay', () => {
  it('names the weekday', () => {
    expect(formatDay('2026-06-12', 'en-GB')).toBe('Fri, 12 Jun 2026');
    expect(formatDay('2026-06-12', 'ru')).toMatch(/^пт, 12 июн\.? 2026/);
  });
});
