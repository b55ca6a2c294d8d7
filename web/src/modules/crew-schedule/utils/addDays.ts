/**
 * The calendar day `days` after `date` (negative: before), both `YYYY-MM-DD`. Days are plain
 * calendar days, so the arithmetic runs in UTC where every day has 24 hours.
 */
export function addDays(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
