import { describe, expect, it } from 'vitest';
import { addDays } from './addDays';
import { clampDayRange } from './clampDayRange';
import { daysBetween } from './daysBetween';

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-06-10', 0)).toBe('2026-06-10');
  });

  it('ignores daylight saving changes of the browser', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
});

describe('daysBetween', () => {
  it('counts whole days', () => {
    expect(daysBetween('2026-06-10', '2026-06-10')).toBe(0);
    expect(daysBetween('2026-06-10', '2026-06-14')).toBe(4);
    expect(daysBetween('2026-06-14', '2026-06-10')).toBe(-4);
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
  });
});

describe('clampDayRange', () => {
  it('keeps a short range', () => {
    expect(clampDayRange('2026-06-01', '2026-06-30', 120)).toEqual(['2026-06-01', '2026-06-30']);
  });

  it('cuts a long range to the limit, first day included', () => {
    expect(clampDayRange('2026-01-01', '2026-12-31', 120)).toEqual(['2026-01-01', '2026-04-30']);
    expect(clampDayRange('2026-01-01', '2026-04-30', 120)).toEqual(['2026-01-01', '2026-04-30']);
  });
});
