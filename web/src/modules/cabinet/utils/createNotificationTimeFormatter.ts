/** Formats a notification's instant as a short date and time in the company time zone and the interface language. */
export function createNotificationTimeFormatter(language: string, timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(language, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => format.format(new Date(iso));
}
