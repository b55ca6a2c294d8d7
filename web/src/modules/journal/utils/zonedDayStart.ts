function timeZoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const wallClockAsUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallClockAsUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant (ISO string) at which calendar day `date` (`YYYY-MM-DD`) begins in
 * `timeZone`, e.g. 2025-03-01 in Europe/Moscow → 2025-02-28T21:00:00.000Z.
 * `dayOffset` shifts the day first (1 = the start of the next day, an exclusive upper bound).
 */
export function zonedDayStart(date: string, timeZone: string, dayOffset = 0): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const midnightAsUtc = Date.UTC(year, month - 1, day + dayOffset);
  // Two passes settle the offset when the day starts next to a DST change.
  const firstGuess = midnightAsUtc - timeZoneOffsetMs(midnightAsUtc, timeZone);
  const instant = midnightAsUtc - timeZoneOffsetMs(firstGuess, timeZone);
  return new Date(instant).toISOString();
}
