import { graphql } from '../../../graphql/graphql';
import { ProductionEventFieldsFragment } from './productionEventFieldsFragment';

/** Live changes around the event's days; each carries the changed event as it is now. */
export const EventCalendarChangedSubscription = graphql(
  `
    subscription EventCalendarChanged($from: Date!, $to: Date!) {
      calendarChanged(from: $from, to: $to) {
        seq
        kind
        eventId
        actorName
        event {
          ...ProductionEventFields
        }
      }
    }
  `,
  [ProductionEventFieldsFragment],
);
