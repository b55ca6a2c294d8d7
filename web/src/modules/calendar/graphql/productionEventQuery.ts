import { graphql } from '../../../graphql/graphql';
import { CalendarProductionEventFieldsFragment } from './calendarProductionEventFieldsFragment';

export const ProductionEventQuery = graphql(
  `
    query CalendarProductionEvent($id: ID!) {
      productionEvent(id: $id) {
        ...CalendarProductionEventFields
      }
    }
  `,
  [CalendarProductionEventFieldsFragment],
);
