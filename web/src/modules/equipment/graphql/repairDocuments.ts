import { graphql } from '../../../graphql/graphql';

export const RepairsQuery = graphql(`
  query Repairs($open: Boolean) {
    repairs(open: $open) {
      id
      quantity
      reason
      problemKind
      status
      daysOpen
      openedAt
      item {
        id
        name
        code
      }
      unit {
        id
        serial
      }
      reportedBy {
        id
        name
      }
      responsible {
        id
        name
      }
    }
  }
`);

export const CloseRepairMutation = graphql(`
  mutation CloseRepair($id: ID!, $outcome: RepairStatus!, $note: String) {
    closeRepair(id: $id, outcome: $outcome, note: $note) {
      id
      status
    }
  }
`);

export const RepairRulesQuery = graphql(`
  query RepairRules {
    repairRules {
      id
      categoryId
      categoryName
      problemKind
      responsible {
        id
        name
      }
    }
  }
`);

export const SetRepairRuleMutation = graphql(`
  mutation SetRepairRule($categoryId: ID, $problemKind: String, $responsibleId: ID!) {
    setRepairRule(categoryId: $categoryId, problemKind: $problemKind, responsibleId: $responsibleId) {
      id
    }
  }
`);

export const RemoveRepairRuleMutation = graphql(`
  mutation RemoveRepairRule($id: ID!) {
    removeRepairRule(id: $id)
  }
`);
