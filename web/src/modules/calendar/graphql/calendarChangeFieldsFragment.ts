import { graphql } from '../../../graphql/graphql';
import { CalendarProductionEventFieldsFragment } from './calendarProductionEventFieldsFragment';

/** One committed change of one event, live or caught up after a reconnect. */
export const CalendarChangeFieldsFragment = graphql(
  `
    fragment CalendarChangeFields on CalendarChange {
      seq
      kind
      eventId
      actorName
      event {
        ...CalendarProductionEventFields
      }
    }
  `,
  [CalendarProductionEventFieldsFragment],
);
