function paperworkUrl(document: 'call-sheet' | 'packing-list', eventId: string, language: string): string {
  const lang = language.startsWith('ru') ? 'ru' : 'en';
  return `/api/events/${encodeURIComponent(eventId)}/${document}.pdf?lang=${lang}`;
}

/** The server's call sheet PDF of an event, with labels in `language` (en or ru; others get English). */
export function callSheetUrl(eventId: string, language: string): string {
  return paperworkUrl('call-sheet', eventId, language);
}

/** The server's packing list PDF of an event (needs equipment:read), labels as for the call sheet. */
export function packingListUrl(eventId: string, language: string): string {
  return paperworkUrl('packing-list', eventId, language);
}
