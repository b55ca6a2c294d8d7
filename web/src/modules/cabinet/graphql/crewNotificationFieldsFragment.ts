import { graphql } from '../../../graphql/graphql';
import { MyEventFieldsFragment } from './myEventFieldsFragment';

export const CrewNotificationFieldsFragment = graphql(
  `
    fragment CrewNotificationFields on CrewNotification {
      seq
      kind
      message
      at
      actorName
      eventId
      changes {
        field
        oldValue
        newValue
      }
      conflict {
        fromDate
        toDate
        otherEvent {
          id
          title
        }
      }
      event {
        ...MyEventFields
      }
    }
  `,
  [MyEventFieldsFragment],
);
