import { graphql } from '../../../graphql/graphql';
import { CrewConflictFieldsFragment } from './crewConflictFieldsFragment';
import { ProductionEventFieldsFragment } from './productionEventFieldsFragment';

export const UnassignCrewMutation = graphql(
  `
    mutation UnassignCrew($eventId: ID!, $userId: ID!) {
      unassignCrew(eventId: $eventId, userId: $userId) {
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
