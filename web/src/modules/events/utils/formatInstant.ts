/** An instant (ISO string) as date and time in the company time zone, e.g. "12 Jun 2026, 18:30". */
export function formatInstant(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
