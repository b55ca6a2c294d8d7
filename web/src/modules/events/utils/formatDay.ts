/** A calendar day ("YYYY-MM-DD") written for people, e.g. "Fri, 12 Jun 2026" / "пт, 12 июн. 2026 г.". */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));
}
