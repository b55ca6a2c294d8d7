import { graphql } from '../../../graphql/graphql';
import { MyEventFieldsFragment } from './myEventFieldsFragment';

export const AcknowledgeMyAssignmentMutation = graphql(
  `
    mutation AcknowledgeMyAssignment($eventId: ID!) {
      acknowledgeAssignment(eventId: $eventId) {
        event {
          ...MyEventFields
        }
      }
    }
  `,
  [MyEventFieldsFragment],
);
