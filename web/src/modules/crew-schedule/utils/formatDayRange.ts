import { dayToUtcDate } from './dayToUtcDate';

/**
 * Days `from`–`to` (`YYYY-MM-DD`, inclusive) as people read them in `language`, e.g.
 * "Mon, Mar 10 – Wed, Mar 12, 2025" or "пн, 10 мар. 2025 г." for a single day.
 */
export function formatDayRange(from: string, to: string, language: string): string {
  const format = new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  if (from === to) return format.format(dayToUtcDate(from));
  return format.formatRange(dayToUtcDate(from), dayToUtcDate(to));
}
