const dayMs = 86_400_000;

function utcMidnight(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/** How many days `to` is after `from` (`YYYY-MM-DD`); negative when it is before. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / dayMs);
}
