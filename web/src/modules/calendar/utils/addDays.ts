/** `date` (`YYYY-MM-DD`) shifted by `days` whole calendar days, e.g. the exclusive end of a range. */
export function addDays(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
