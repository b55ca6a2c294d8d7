import { graphql } from '../../../graphql/graphql';

export const MovementFieldsFragment = graphql(`
  fragment MovementFields on EquipmentMovementView {
    id
    at
    kind
    quantity
    via
    condition
    note
    actor {
      id
      name
    }
    unit {
      id
      serial
    }
    event {
      id
      title
    }
  }
`);

export const EquipmentCategoriesQuery = graphql(`
  query EquipmentCategories {
    equipmentCategories {
      id
      name
      parentId
      position
      itemCount
    }
  }
`);

export const EquipmentItemsQuery = graphql(`
  query EquipmentItems($filter: EquipmentItemFilter, $page: PageInput) {
    equipmentItems(filter: $filter, page: $page) {
      total
      items {
        id
        code
        name
        kind
        categoryPath
        owned
        inRepair
        out
      }
    }
  }
`);

export const EquipmentItemQuery = graphql(
  `
  query EquipmentItem($id: ID!) {
    equipmentItem(id: $id) {
      id
      code
      name
      kind
      categoryPath
      owned
      inRepair
      out
      qrCode
      notes
      categoryId
      archivedAt
      version
    }
    equipmentUnits(itemId: $id) {
      id
      serial
      inRepair
      writtenOffAt
      caseName
      outEvent {
        id
        title
      }
    }
    equipmentMovements(itemId: $id) {
      ...MovementFields
    }
  }
`,
  [MovementFieldsFragment],
);

export const EquipmentUnitQuery = graphql(
  `
    query EquipmentUnit($id: ID!) {
      equipmentUnit(id: $id) {
        id
        serial
        qrCode
        caseName
        inRepair
        writtenOffAt
        item {
          id
          code
          name
        }
        outEvent {
          id
          title
        }
      }
      equipmentMovements(unitId: $id) {
        ...MovementFields
      }
    }
  `,
  [MovementFieldsFragment],
);

export const ScanTargetQuery = graphql(`
  query ScanTarget($code: String!) {
    scanTarget(code: $code) {
      kind
      code
      item {
        id
        code
        name
        owned
        inRepair
        out
      }
      unit {
        id
        serial
        inRepair
        outEvent {
          id
          title
        }
      }
      case {
        id
        name
        units {
          id
          serial
          item {
            name
          }
        }
      }
    }
  }
`);

export const EquipmentAvailabilityQuery = graphql(`
  query EquipmentAvailability($itemIds: [ID!]!, $from: Date!, $to: Date!, $excludeEventId: ID) {
    equipmentAvailability(itemIds: $itemIds, from: $from, to: $to, excludeEventId: $excludeEventId) {
      item {
        id
      }
      owned
      inRepair
      reserved
      available
    }
  }
`);

export const OpenRepairMutation = graphql(`
  mutation OpenRepair($input: OpenRepairInput!) {
    openRepair(input: $input) {
      id
      responsible {
        id
        name
      }
    }
  }
`);
