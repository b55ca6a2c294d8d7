import { describe, expect, it } from 'vitest';
import { addDays } from '../../events/utils/addDays';
import { capitalizeFirst } from './capitalizeFirst';
import { dayCount } from './dayCount';
import { firstDayOfWeek } from './firstDayOfWeek';
import { formatDayRange } from './formatDayRange';
import { todayInTimeZone } from '../../events/utils/todayInTimeZone';

describe('addDays', () => {
  it('moves across months, years and leap days', () => {
    expect(addDays('2026-05-31', 1)).toBe('2026-06-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
  });

  it('is not shifted by daylight saving time (dates are not instants)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });
});

describe('dayCount', () => {
  it('counts both ends', () => {
    expect(dayCount('2026-05-10', '2026-05-10')).toBe(1);
    expect(dayCount('2026-05-31', '2026-06-02')).toBe(3);
  });
});

describe('firstDayOfWeek', () => {
  it('maps 1 = Monday … 7 = Sunday to 0 = Sunday … 6 = Saturday', () => {
    expect(firstDayOfWeek(1)).toBe(1);
    expect(firstDayOfWeek(6)).toBe(6);
    expect(firstDayOfWeek(7)).toBe(0);
  });
});

describe('todayInTimeZone', () => {
  it('is the date in the company time zone, not the browser’s', () => {
    const lateEvening = new Date('2026-05-31T22:30:00Z');
    expect(todayInTimeZone('Europe/Moscow', lateEvening)).toBe('2026-06-01');
    expect(todayInTimeZone('America/New_York', lateEvening)).toBe('2026-05-31');
  });
});

describe('formatDayRange', () => {
  it('writes one day or a range in the language', () => {
    expect(formatDayRange('2026-05-12', '2026-05-12', 'en')).toBe('May 12, 2026');
    expect(formatDayRange('2026-05-12', '2026-05-14', 'en')).toMatch(/^May 12\s?–\s?14, 2026$/);
    expect(formatDayRange('2026-05-12', '2026-05-14', 'ru')).toMatch(/^12\s?–\s?14 мая 2026/);
  });
});

describe('capitalizeFirst', () => {
  it('capitalises only the first letter', () => {
    expect(capitalizeFirst('июль 2027 г.', 'ru')).toBe('Июль 2027 г.');
    expect(capitalizeFirst('', 'en')).toBe('');
  });
});
