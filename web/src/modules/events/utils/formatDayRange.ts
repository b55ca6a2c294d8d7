/**
 * A range of calendar days ("YYYY-MM-DD", inclusive) written for people, e.g. "12–14 Jun 2026",
 * or one day when both are the same. Days are not instants: they are formatted in UTC so that the
 * browser's own time zone never shifts them.
 */
export function formatDayRange(from: string, to: string, language: string): string {
  const format = new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const start = new Date(`${from}T12:00:00Z`);
  if (from === to) return format.format(start);
  return format.formatRange(start, new Date(`${to}T12:00:00Z`));
}
