/**
 * Formats instants as date and time in the company time zone (not the browser's), in the
 * interface language, e.g. "10.03.2025, 15:00:00" in ru for Europe/Moscow.
 */
export function createCompanyTimeFormatter(language: string, timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(language, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (iso) => format.format(new Date(iso));
}
