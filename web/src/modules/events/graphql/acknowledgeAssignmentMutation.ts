import { graphql } from '../../../graphql/graphql';
import { CrewConflictFieldsFragment } from './crewConflictFieldsFragment';
import { ProductionEventFieldsFragment } from './productionEventFieldsFragment';

export const AcknowledgeAssignmentMutation = graphql(
  `
    mutation AcknowledgeAssignment($eventId: ID!) {
      acknowledgeAssignment(eventId: $eventId) {
        event {
          ...ProductionEventFields
        }
        conflicts {
          ...CrewConflictFields
        }
      }
    }
  `,
  [ProductionEventFieldsFragment, CrewConflictFieldsFragment],
);
