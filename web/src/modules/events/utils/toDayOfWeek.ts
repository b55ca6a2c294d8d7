import type { DayOfWeek } from '@mantine/dates';

/** The company week start (1 = Monday … 7 = Sunday) as Mantine counts days (0 = Sunday). */
export function toDayOfWeek(weekStart: number): DayOfWeek {
  return (((weekStart % 7) + 7) % 7) as DayOfWeek;
}
