/** The company's week start (1 = Monday … 7 = Sunday) as FullCalendar and Mantine count it (0 = Sunday). */
export function firstDayOfWeek(weekStart: number): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  const day = ((Math.trunc(weekStart) % 7) + 7) % 7;
  return day as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}
