import { addDays } from '../../events/utils/addDays';
import { addMonths } from './addMonths';
import type { SchedulePeriod } from './crewScheduleTypes';

/** The start of the period `steps` periods away (1 = the next one, -1 = the previous one). */
export function shiftPeriod(start: string, period: SchedulePeriod, steps: number): string {
  switch (period) {
    case 'week':
      return addDays(start, 7 * steps);
    case 'two-weeks':
      return addDays(start, 14 * steps);
    case 'month':
      return addMonths(start, steps);
  }
}
