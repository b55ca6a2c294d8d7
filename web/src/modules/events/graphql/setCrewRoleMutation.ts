import { graphql } from '../../../graphql/graphql';
import { CrewConflictFieldsFragment } from './crewConflictFieldsFragment';
import { ProductionEventFieldsFragment } from './productionEventFieldsFragment';

export const SetCrewRoleMutation = graphql(
  `
    mutation SetCrewRole($eventId: ID!, $userId: ID!, $crewRoleId: ID!) {
      setCrewRole(eventId: $eventId, userId: $userId, crewRoleId: $crewRoleId) {
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
