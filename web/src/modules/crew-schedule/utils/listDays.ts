import { addDays } from '../../events/utils/addDays';
import { daysBetween } from '../../events/utils/daysBetween';

/** Every day from `from` to `to`, both included (`YYYY-MM-DD`); empty when `to` is before `from`. */
export function listDays(from: string, to: string): string[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) => addDays(from, index));
}
