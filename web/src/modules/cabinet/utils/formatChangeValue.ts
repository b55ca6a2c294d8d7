/** How to show the kinds of values a change can hold, in the interface language. */
export interface ChangeValueFormatters {
  day: (date: string) => string;
  status: (status: string) => string;
  boolean: (value: boolean) => string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One side of a field change ("old" or "new") as short text, or null when the value means
 * nothing to a person (an id: the field name says enough). Absent values are "—".
 */
export function formatChangeValue(field: string, value: unknown, format: ChangeValueFormatters): string | null {
  if (field.endsWith('Id')) return null;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && isoDay.test(value)) return format.day(value);
  if (field === 'status' && typeof value === 'string') return format.status(value.toUpperCase());
  if (typeof value === 'boolean') return format.boolean(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (isRecord(value) && typeof value['person'] === 'string') {
    return typeof value['role'] === 'string' ? `${value['person']} (${value['role']})` : value['person'];
  }
  return JSON.stringify(value);
}
