import type { ResultOf } from '../../../graphql/graphql';
import type { CrewScheduleQuery } from '../graphql/crewScheduleQuery';

/** Fields of the `Date` scalar ("YYYY-MM-DD") that this feature and the cabinet read. */
type DayField = 'startDate' | 'endDate' | 'fromDate' | 'toDate' | 'busyFrom' | 'busyTo';

/**
 * `T` with its `Date` scalar fields typed as the strings they are. The shared `graphql()` tag maps
 * no type for `Date` yet, so gql.tada types them `unknown`.
 */
export type WithDayStrings<T> = T extends readonly (infer Item)[]
  ? WithDayStrings<Item>[]
  : T extends object
    ? {
        [Key in keyof T]: Key extends DayField
          ? string
          : Key extends 'conflictDays'
            ? string[]
            : WithDayStrings<T[Key]>;
      }
    : T;

export type CrewScheduleRow = WithDayStrings<ResultOf<typeof CrewScheduleQuery>['crewSchedule'][number]>;
export type CrewScheduleEntry = CrewScheduleRow['entries'][number];
export type ProductionEventStatus = CrewScheduleEntry['event']['status'];

/** The lengths of period the schedule offers. */
export const schedulePeriods = ['week', 'two-weeks', 'month'] as const;
export type SchedulePeriod = (typeof schedulePeriods)[number];

/** The schedule view as kept in the URL; `start` null = this week. */
export interface CrewScheduleSearch {
  start: string | null;
  period: SchedulePeriod;
  crewRoleId: string | null;
}
