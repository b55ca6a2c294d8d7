import { graphql } from '../../../graphql/graphql';
import { CrewConflictFieldsFragment } from './crewConflictFieldsFragment';
import { ProductionEventFieldsFragment } from './productionEventFieldsFragment';

export const AssignCrewMutation = graphql(
  `
    mutation AssignCrew($eventId: ID!, $userId: ID!, $crewRoleId: ID!, $overrideReason: String) {
      assignCrew(eventId: $eventId, userId: $userId, crewRoleId: $crewRoleId, overrideReason: $overrideReason) {
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
