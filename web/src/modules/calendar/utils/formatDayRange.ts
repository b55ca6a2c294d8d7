function utcDate(date: string): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * Calendar days `from`..`to` (`YYYY-MM-DD`, inclusive) for people, in their language:
 * "12 May 2026", "12 – 14 May 2026", «12–14 мая 2026 г.». Days are not instants, so they are
 * formatted as UTC dates and never shift with the browser's time zone.
 */
export function formatDayRange(from: string, to: string, language: string): string {
  const format = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  if (from === to) return format.format(utcDate(from));
  return format.formatRange(utcDate(from), utcDate(to));
}
