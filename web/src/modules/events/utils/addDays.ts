/** The calendar day `days` after (or before, when negative) `day`; both "YYYY-MM-DD". */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const result = new Date(Date.UTC(year, month - 1, date + days));
  return result.toISOString().slice(0, 10);
}
