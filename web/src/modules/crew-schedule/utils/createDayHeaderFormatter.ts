import { dayToUtcDate } from './dayToUtcDate';

export interface DayHeaderLabel {
  weekday: string;
  day: string;
  month: string;
  /** The full day for screen readers and tooltips. */
  long: string;
}

/** Formats schedule column headings ("Mon", "10", "Mar") in `language`. */
export function createDayHeaderFormatter(language: string): (date: string) => DayHeaderLabel {
  const weekday = new Intl.DateTimeFormat(language, { timeZone: 'UTC', weekday: 'short' });
  const month = new Intl.DateTimeFormat(language, { timeZone: 'UTC', month: 'short' });
  const long = new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'full' });
  return (date) => {
    const instant = dayToUtcDate(date);
    return {
      weekday: weekday.format(instant),
      day: String(instant.getUTCDate()),
      month: month.format(instant),
      long: long.format(instant),
    };
  };
}
