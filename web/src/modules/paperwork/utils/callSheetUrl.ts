/** The server's call sheet PDF of an event, with labels in `language` (en or ru; others get English). */
export function callSheetUrl(eventId: string, language: string): string {
  const lang = language.startsWith('ru') ? 'ru' : 'en';
  return `/api/events/${encodeURIComponent(eventId)}/call-sheet.pdf?lang=${lang}`;
}
