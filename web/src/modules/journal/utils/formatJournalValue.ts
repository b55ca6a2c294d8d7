/** A journaled field value (JSON) as short text; `null`/absent as an em dash. */
export function formatJournalValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
