import { graphql } from '../../../graphql/graphql';
import { CrewConflictFieldsFragment } from './crewConflictFieldsFragment';
import { ProductionEventFieldsFragment } from './productionEventFieldsFragment';

export const DuplicateProductionEventMutation = graphql(
  `
    mutation DuplicateProductionEvent($id: ID!, $startDate: Date!, $overrideReason: String) {
      duplicateProductionEvent(id: $id, startDate: $startDate, overrideReason: $overrideReason) {
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
