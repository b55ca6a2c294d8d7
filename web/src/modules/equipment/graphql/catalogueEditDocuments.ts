import { graphql } from '../../../graphql/graphql';

export const CreateEquipmentCategoryMutation = graphql(`
  mutation CreateEquipmentCategory($input: EquipmentCategoryInput!) {
    createEquipmentCategory(input: $input) {
      id
      name
      parentId
      position
      version
      itemCount
    }
  }
`);

export const UpdateEquipmentCategoryMutation = graphql(`
  mutation UpdateEquipmentCategory($id: ID!, $input: EquipmentCategoryInput!) {
    updateEquipmentCategory(id: $id, input: $input) {
      id
      name
      parentId
      position
      version
      itemCount
    }
  }
`);

export const CreateEquipmentItemMutation = graphql(`
  mutation CreateEquipmentItem($input: CreateEquipmentItemInput!) {
    createEquipmentItem(input: $input) {
      id
      code
      name
    }
  }
`);

export const UpdateEquipmentItemMutation = graphql(`
  mutation UpdateEquipmentItem($id: ID!, $expectedVersion: Int!, $input: UpdateEquipmentItemInput!) {
    updateEquipmentItem(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      name
      categoryId
      categoryPath
      notes
      owned
      version
    }
  }
`);

export const SetEquipmentItemArchivedMutation = graphql(`
  mutation SetEquipmentItemArchived($id: ID!, $archived: Boolean!) {
    setEquipmentItemArchived(id: $id, archived: $archived) {
      id
      archivedAt
      version
    }
  }
`);

export const AddEquipmentUnitMutation = graphql(`
  mutation AddEquipmentUnit($itemId: ID!, $serial: String!, $notes: String) {
    addEquipmentUnit(itemId: $itemId, serial: $serial, notes: $notes) {
      id
      serial
    }
  }
`);

export const EquipmentCasesQuery = graphql(`
  query EquipmentCases {
    equipmentCases {
      id
      name
      version
      units {
        id
        serial
        item {
          id
          name
        }
      }
    }
  }
`);

export const CreateEquipmentCaseMutation = graphql(`
  mutation CreateEquipmentCase($name: String!, $unitIds: [ID!]!) {
    createEquipmentCase(name: $name, unitIds: $unitIds) {
      id
    }
  }
`);

export const SetEquipmentCaseUnitsMutation = graphql(`
  mutation SetEquipmentCaseUnits($caseId: ID!, $unitIds: [ID!]!) {
    setEquipmentCaseUnits(caseId: $caseId, unitIds: $unitIds) {
      id
    }
  }
`);

export const EquipmentAvailabilityByDayQuery = graphql(`
  query EquipmentAvailabilityByDay($itemId: ID!, $from: Date!, $to: Date!) {
    equipmentAvailabilityByDay(itemId: $itemId, from: $from, to: $to) {
      day
      owned
      inRepair
      reserved
      available
    }
  }
`);
