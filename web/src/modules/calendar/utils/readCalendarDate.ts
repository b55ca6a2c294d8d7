/**
 * A `Date` scalar value (`YYYY-MM-DD`, a day in the company time zone). The generated types
 * know no mapping for that scalar and call it `unknown`.
 */
export function readCalendarDate(value: unknown): string {
  return typeof value === 'string' ? value : String(value ?? '');
}
