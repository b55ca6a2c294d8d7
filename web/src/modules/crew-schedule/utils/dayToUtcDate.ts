/** A `YYYY-MM-DD` day as the JS Date of its midnight at UTC; format it with `timeZone: 'UTC'`. */
export function dayToUtcDate(date: string): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}
