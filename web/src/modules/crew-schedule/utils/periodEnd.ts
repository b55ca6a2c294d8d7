import { addDays } from '../../events/utils/addDays';
import { addMonths } from './addMonths';
import type { SchedulePeriod } from './crewScheduleTypes';

/** The last day (inclusive) of a schedule period that starts on `start`. */
export function periodEnd(start: string, period: SchedulePeriod): string {
  switch (period) {
    case 'week':
      return addDays(start, 6);
    case 'two-weeks':
      return addDays(start, 13);
    case 'month':
      return addDays(addMonths(start, 1), -1);
  }
}
