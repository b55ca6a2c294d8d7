import { describe, expect, it } from 'vitest';
import { addDays } from '../../events/utils/addDays';
import { addMonths } from './addMonths';
import { daysBetween } from '../../events/utils/daysBetween';
import { isoWeekday } from './isoWeekday';
import { listDays } from './listDays';
import { periodEnd } from './periodEnd';
import { shiftPeriod } from './shiftPeriod';
import { startOfWeek } from './startOfWeek';
import { todayInTimeZone } from '../../events/utils/todayInTimeZone';

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-03-10', 1)).toBe('2025-03-11');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('ignores daylight saving time', () => {
    // Europe switches clocks on the last Sunday of March; a day is still a day.
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(listDays('2025-03-29', '2025-03-31')).toEqual(['2025-03-29', '2025-03-30', '2025-03-31']);
  });

  it('counts days and lists them inclusively', () => {
    expect(daysBetween('2025-03-10', '2025-03-10')).toBe(0);
    expect(daysBetween('2025-03-12', '2025-03-10')).toBe(-2);
    expect(listDays('2025-03-12', '2025-03-10')).toEqual([]);
  });

  it('adds months, clamped to the end of a short month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-10', -3)).toBe('2024-12-10');
  });

  it('numbers weekdays from Monday = 1 to Sunday = 7', () => {
    expect(isoWeekday('2025-03-10')).toBe(1);
    expect(isoWeekday('2025-03-16')).toBe(7);
  });

  it('finds the start of the company week', () => {
    expect(startOfWeek('2025-03-13', 1)).toBe('2025-03-10');
    expect(startOfWeek('2025-03-10', 1)).toBe('2025-03-10');
    expect(startOfWeek('2025-03-16', 1)).toBe('2025-03-10');
    // Weeks starting on Sunday.
    expect(startOfWeek('2025-03-13', 7)).toBe('2025-03-09');
    expect(startOfWeek('2025-03-09', 7)).toBe('2025-03-09');
    // Weeks starting on Saturday.
    expect(startOfWeek('2025-03-13', 6)).toBe('2025-03-08');
  });

  it("takes today in the company's time zone", () => {
    const lateEvening = new Date('2025-03-10T22:30:00Z');
    expect(todayInTimeZone('Europe/Moscow', lateEvening)).toBe('2025-03-11');
    expect(todayInTimeZone('America/New_York', lateEvening)).toBe('2025-03-10');
  });
});

describe('schedule periods', () => {
  it('end a week, two weeks or a month after their start', () => {
    expect(periodEnd('2025-03-10', 'week')).toBe('2025-03-16');
    expect(periodEnd('2025-03-10', 'two-weeks')).toBe('2025-03-23');
    expect(periodEnd('2025-03-10', 'month')).toBe('2025-04-09');
    expect(periodEnd('2025-01-31', 'month')).toBe('2025-02-27');
  });

  it('step forwards and backwards by their length', () => {
    expect(shiftPeriod('2025-03-10', 'week', 1)).toBe('2025-03-17');
    expect(shiftPeriod('2025-03-10', 'two-weeks', -1)).toBe('2025-02-24');
    expect(shiftPeriod('2025-03-10', 'month', 1)).toBe('2025-04-10');
  });

  it('stay within the 120 days the server allows', () => {
    for (const period of ['week', 'two-weeks', 'month'] as const) {
      expect(daysBetween('2025-01-31', periodEnd('2025-01-31', period)) + 1).toBeLessThanOrEqual(120);
    }
  });
});
