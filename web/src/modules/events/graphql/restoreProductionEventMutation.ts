import { graphql } from '../../../graphql/graphql';
import { CrewConflictFieldsFragment } from './crewConflictFieldsFragment';
import { ProductionEventFieldsFragment } from './productionEventFieldsFragment';

export const RestoreProductionEventMutation = graphql(
  `
    mutation RestoreProductionEvent($id: ID!, $overrideReason: String) {
      restoreProductionEvent(id: $id, overrideReason: $overrideReason) {
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
