import { graphql } from '../../../graphql/graphql';
import { CrewConflictFieldsFragment } from './crewConflictFieldsFragment';
import { ProductionEventFieldsFragment } from './productionEventFieldsFragment';

export const ChangeProductionEventStatusMutation = graphql(
  `
    mutation ChangeProductionEventStatus($id: ID!, $expectedVersion: Int!, $status: ProductionEventStatus!, $overrideReason: String) {
      changeProductionEventStatus(id: $id, expectedVersion: $expectedVersion, status: $status, overrideReason: $overrideReason) {
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
