/** The weekday of a `YYYY-MM-DD` day as the API counts it: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}
