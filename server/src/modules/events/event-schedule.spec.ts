import { describe, expect, it } from 'vitest';
import { checkSchedule, eventInstants } from './event-schedule.js';

const day = (startDate: string, endDate: string, startTime: string | null = null, endTime: string | null = null) => ({ startDate, endDate, startTime, endTime });

describe('checkSchedule', () => {
  it('keeps a show that ends after midnight but before the cut-over on its show day', () => {
    expect(checkSchedule(day('2026-06-01', '2026-06-01', '20:00', '02:00'), 6)).toEqual({ endsNextDay: true, problems: [] });
    expect(checkSchedule(day('2026-06-01', '2026-06-03', '19:00', '05:59'), 6).endsNextDay).toBe(true);
  });

  it('does not treat an end at or after the cut-over as overnight', () => {
    expect(checkSchedule(day('2026-06-01', '2026-06-02', '20:00', '06:00'), 6)).toEqual({ endsNextDay: false, problems: [] });
    expect(checkSchedule(day('2026-06-01', '2026-06-01', '20:00', '07:00'), 6).problems[0].field).toBe('endTime');
  });

  it('keeps an early-morning one-day event on its own day', () => {
    expect(checkSchedule(day('2026-06-01', '2026-06-01', '01:00', '03:00'), 6)).toEqual({ endsNextDay: false, problems: [] });
  });

  it('refuses an end before the start', () => {
    expect(checkSchedule(day('2026-06-02', '2026-06-01'), 6).problems).toEqual([{ field: 'endDate', message: 'is before the start date' }]);
    expect(checkSchedule(day('2026-06-01', '2026-06-01', '18:00', '17:00'), 0).problems[0].field).toBe('endTime');
  });
});

describe('eventInstants', () => {
  it('reads wall-clock times in the company zone, not the server zone', () => {
    const { startsAt, endsAt } = eventInstants({ ...day('2026-06-01', '2026-06-01', '01:00', '23:00'), endsNextDay: false }, 'Europe/Moscow');
    expect(startsAt?.toISOString()).toBe('2026-05-31T22:00:00.000Z');
    expect(endsAt?.toISOString()).toBe('2026-06-01T20:00:00.000Z');
  });

  it('follows a DST change inside an overnight show', () => {
    // New York springs forward at 02:00 on 2026-03-08: 20:00 EST (−5) to 04:00 EDT (−4) is 7 real hours.
    const { startsAt, endsAt } = eventInstants({ ...day('2026-03-07', '2026-03-07', '20:00', '04:00'), endsNextDay: true }, 'America/New_York');
    expect(startsAt?.toISOString()).toBe('2026-03-08T01:00:00.000Z');
    expect(endsAt?.toISOString()).toBe('2026-03-08T08:00:00.000Z');
  });
});
