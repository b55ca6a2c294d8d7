import { Temporal } from 'temporal-polyfill';

/**
 * Calendar days are `YYYY-MM-DD` strings: a day in the company time zone, never an instant.
 * Arithmetic on them is pure calendar arithmetic, so the server's own zone never matters.
 */
export type CalendarDate = string;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** `HH:MM`, 24-hour. */
export function isTimeOfDay(value: unknown): value is string {
  return typeof value === 'string' && TIME_PATTERN.test(value);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(day, Temporal.PlainDate.from(to)) <= 0; day = day.add({ days: 1 })) {
    days.push(day.toString());
  }
  return days;
}

/** Today in a time zone (the company's, not the server's). */
export function todayIn(timeZone: string): CalendarDate {
  return Temporal.Now.plainDateISO(timeZone).toString();
}

/** The instant of a wall-clock time on a day in a zone; DST gaps resolve forward, as clocks do. */
export function instantOf(date: CalendarDate, time: string, timeZone: string): Date {
  const zoned = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

export function isTimeZone(value: string): boolean {
  try {
    Temporal.Now.plainDateISO(value);
    return true;
  } catch {
    return false;
  }
}

/** The days two inclusive ranges share, or null. */
export function overlap(a: { from: CalendarDate; to: CalendarDate }, b: { from: CalendarDate; to: CalendarDate }): { from: CalendarDate; to: CalendarDate } | null {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}
