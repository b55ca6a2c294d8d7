import { graphql } from '../../../graphql/graphql';
import { CrewConflictFieldsFragment } from './crewConflictFieldsFragment';
import { ProductionEventFieldsFragment } from './productionEventFieldsFragment';

export const UpdateProductionEventMutation = graphql(
  `
    mutation UpdateProductionEvent($id: ID!, $expectedVersion: Int!, $input: UpdateProductionEventInput!, $overrideReason: String) {
      updateProductionEvent(id: $id, expectedVersion: $expectedVersion, input: $input, overrideReason: $overrideReason) {
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
