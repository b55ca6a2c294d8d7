import dayjs from 'dayjs';

/** A month laid out Monday-first: its first and last day, and the cells (null = padding before the 1st). */
export function monthGrid(month: string): { from: string; to: string; cells: Array<string | null> } {
  const first = dayjs(`${month}-01`);
  const count = first.daysInMonth();
  const padding = (first.day() + 6) % 7;
  const days = Array.from({ length: count }, (_, index) => first.add(index, 'day').format('YYYY-MM-DD'));
  return { from: days[0]!, to: days[count - 1]!, cells: [...Array<null>(padding).fill(null), ...days] };
}

/** `YYYY-MM` when `value` is one, else the current month. */
export function monthOrCurrent(value: string | null): string {
  return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : dayjs().format('YYYY-MM');
}
