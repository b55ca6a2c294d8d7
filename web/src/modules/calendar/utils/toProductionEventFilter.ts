import type { VariablesOf } from '../../../graphql/graphql';
import type { ProductionEventsQuery } from '../graphql/productionEventsQuery';
import type { CalendarFilter } from './calendarTypes';

export type ProductionEventFilterInput = NonNullable<VariablesOf<typeof ProductionEventsQuery>['filter']>;

/** The `filter` input of `productionEvents` for the calendar's filters; unset ones are left out. */
export function toProductionEventFilter(filter: CalendarFilter): ProductionEventFilterInput {
  const input: ProductionEventFilterInput = {};
  if (filter.confirmedOnly) input.confirmedOnly = true;
  if (filter.mine) input.mine = true;
  if (filter.statuses.length > 0) input.statuses = [...filter.statuses];
  if (filter.managerId) input.managerId = filter.managerId;
  if (filter.clientId) input.clientId = filter.clientId;
  if (filter.personId) input.personId = filter.personId;
  return input;
}
