import { graphql } from '../../../graphql/graphql';

export const EventEquipmentFieldsFragment = graphql(`
  fragment EventEquipmentFields on EventEquipment {
    eventId
    lines {
      id
      quantity
      item {
        id
        code
        name
        kind
      }
      pickedUnits {
        id
        serial
      }
    }
    extraDeliveries {
      id
      quantity
      reason
      deliveryDate
      item {
        id
        name
      }
    }
    subRentals {
      id
      supplier
      quantity
      description
      fromDate
      toDate
      item {
        id
        name
      }
    }
    availability {
      item {
        id
      }
      owned
      inRepair
      reserved
      available
    }
    shortages {
      item {
        id
        name
      }
      fromDate
      toDate
      reserved
      available
    }
  }
`);

export const EventEquipmentQuery = graphql(
  `
    query EventEquipment($eventId: ID!) {
      eventEquipment(eventId: $eventId) {
        ...EventEquipmentFields
      }
    }
  `,
  [EventEquipmentFieldsFragment],
);

export const SetEventEquipmentMutation = graphql(
  `
    mutation SetEventEquipment($eventId: ID!, $itemId: ID!, $quantity: Int!, $overrideReason: String) {
      setEventEquipment(eventId: $eventId, itemId: $itemId, quantity: $quantity, overrideReason: $overrideReason) {
        equipment {
          ...EventEquipmentFields
        }
        shortages {
          item {
            name
          }
          reserved
          available
        }
      }
    }
  `,
  [EventEquipmentFieldsFragment],
);

export const AddExtraDeliveryMutation = graphql(`
  mutation AddExtraDelivery($eventId: ID!, $itemId: ID!, $quantity: Int!, $reason: String!, $date: Date!) {
    addExtraDelivery(eventId: $eventId, itemId: $itemId, quantity: $quantity, reason: $reason, date: $date) {
      shortages {
        item {
          name
        }
      }
    }
  }
`);

export const AddSubRentalMutation = graphql(`
  mutation AddSubRental($eventId: ID!, $input: SubRentalInput!) {
    addSubRental(eventId: $eventId, input: $input) {
      shortages {
        item {
          name
        }
      }
    }
  }
`);
