/** How many calendar days `from`..`to` (both `YYYY-MM-DD`, inclusive) covers. */
export function dayCount(from: string, to: string): number {
  const toUtc = (date: string) => {
    const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000) + 1;
}
