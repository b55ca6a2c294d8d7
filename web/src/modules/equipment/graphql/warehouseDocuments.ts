import { graphql } from '../../../graphql/graphql';

export const WarehouseSheetFieldsFragment = graphql(`
  fragment WarehouseSheetFields on WarehouseSheet {
    event {
      id
      title
      startDate
      endDate
    }
    lines {
      item {
        id
        code
        name
        kind
      }
      planned
      out
      returned
      damaged
      missing
      outstanding
      units {
        picked
        out
        unit {
          id
          serial
        }
      }
    }
  }
`);

export const WarehouseSheetQuery = graphql(
  `
    query WarehouseSheet($eventId: ID!) {
      warehouseSheet(eventId: $eventId) {
        ...WarehouseSheetFields
      }
    }
  `,
  [WarehouseSheetFieldsFragment],
);

export const CheckOutMutation = graphql(
  `
    mutation CheckOutEquipment($input: WarehouseMoveInput!) {
      checkOutEquipment(input: $input) {
        message
        moved
        sheet {
          ...WarehouseSheetFields
        }
      }
    }
  `,
  [WarehouseSheetFieldsFragment],
);

export const CheckInMutation = graphql(
  `
    mutation CheckInEquipment($input: WarehouseMoveInput!) {
      checkInEquipment(input: $input) {
        message
        moved
        sheet {
          ...WarehouseSheetFields
        }
      }
    }
  `,
  [WarehouseSheetFieldsFragment],
);
