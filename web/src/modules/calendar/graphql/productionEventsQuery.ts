import { graphql } from '../../../graphql/graphql';
import { CalendarProductionEventFieldsFragment } from './calendarProductionEventFieldsFragment';

export const ProductionEventsQuery = graphql(
  `
    query CalendarProductionEvents($from: Date!, $to: Date!, $filter: ProductionEventFilter) {
      productionEvents(from: $from, to: $to, filter: $filter) {
        ...CalendarProductionEventFields
      }
    }
  `,
  [CalendarProductionEventFieldsFragment],
);
