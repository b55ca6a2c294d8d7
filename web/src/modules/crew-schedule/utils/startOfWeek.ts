import { addDays } from '../../events/utils/addDays';
import { isoWeekday } from './isoWeekday';

/** The first day of the week holding `date`, for a company week starting on `weekStart` (1 = Monday … 7 = Sunday). */
export function startOfWeek(date: string, weekStart: number): string {
  return addDays(date, -((isoWeekday(date) - weekStart + 7) % 7));
}
