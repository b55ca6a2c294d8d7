/**
 * A day value as the API sends it ("YYYY-MM-DD", a calendar day in the company time zone), also
 * when it arrives untyped (error extensions, cached partial data).
 */
export function asDay(value: unknown): string {
  return typeof value === 'string' ? value : String(value ?? '');
}
