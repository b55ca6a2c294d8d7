/** GraphQL helpers for equipment (issue 5); everything goes through the public HTTP API. */
import type { HttpSession } from './harness.js';

export async function must<T = any>(session: HttpSession, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await session.request<T>(query, variables);
  if (response.errors?.length) throw new Error(`${response.errors[0].extensions?.code}: ${response.errors[0].message}`);
  return response.data as T;
}

export const ITEM_FIELDS = 'id code name kind owned inRepair out qrCode categoryId categoryPath version';
export const EQUIPMENT_FIELDS = /* GraphQL */ `
  eventId
  lines { id quantity kind item { id code name } pickedUnits { id serial } }
  extraDeliveries { id quantity reason deliveryDate item { id name } }
  subRentals { id supplier quantity fromDate toDate version item { id } description }
  availability { item { id } owned inRepair reserved available }
  shortages { eventId item { id name } fromDate toDate reserved available }
`;

export async function category(session: HttpSession, name: string, parentId?: string): Promise<string> {
  const data = await must(session, 'mutation($input: EquipmentCategoryInput!) { createEquipmentCategory(input: $input) { id } }', { input: { name, parentId } });
  return data.createEquipmentCategory.id;
}

export async function item(session: HttpSession, input: { code: string; name: string; categoryId: string; kind: 'BULK' | 'SERIALISED'; quantity?: number }) {
  const data = await must(session, `mutation($input: CreateEquipmentItemInput!) { createEquipmentItem(input: $input) { ${ITEM_FIELDS} } }`, { input });
  return data.createEquipmentItem as { id: string; code: string; name: string; qrCode: string; owned: number };
}

export async function unit(session: HttpSession, itemId: string, serial: string) {
  const data = await must(session, 'mutation($itemId: ID!, $serial: String!) { addEquipmentUnit(itemId: $itemId, serial: $serial) { id serial qrCode } }', { itemId, serial });
  return data.addEquipmentUnit as { id: string; serial: string; qrCode: string };
}

export const SET_LINE = `mutation($eventId: ID!, $itemId: ID!, $quantity: Int!, $overrideReason: String) {
  setEventEquipment(eventId: $eventId, itemId: $itemId, quantity: $quantity, overrideReason: $overrideReason) { equipment { ${EQUIPMENT_FIELDS} } shortages { eventId item { id } reserved available fromDate toDate } }
}`;

export function setLine(session: HttpSession, eventId: string, itemId: string, quantity: number, overrideReason?: string) {
  return session.request<any>(SET_LINE, { eventId, itemId, quantity, overrideReason });
}

export function availability(session: HttpSession, itemIds: string[], from: string, to: string, excludeEventId?: string) {
  return must(session, 'query($itemIds: [ID!]!, $from: Date!, $to: Date!, $ex: ID) { equipmentAvailability(itemIds: $itemIds, from: $from, to: $to, excludeEventId: $ex) { item { id } owned inRepair reserved available } }', {
    itemIds,
    from,
    to,
    ex: excludeEventId,
  }).then((data) => data.equipmentAvailability as Array<{ item: { id: string }; owned: number; inRepair: number; reserved: number; available: number }>);
}

export const SCAN_RESULT = 'message moved item { id name } sheet { lines { item { id name } planned out returned damaged missing outstanding units { unit { serial } picked out } } }';

export function checkOut(session: HttpSession, input: Record<string, unknown>) {
  return session.request<any>(`mutation($input: WarehouseMoveInput!) { checkOutEquipment(input: $input) { ${SCAN_RESULT} } }`, { input });
}

export function checkIn(session: HttpSession, input: Record<string, unknown>) {
  return session.request<any>(`mutation($input: WarehouseMoveInput!) { checkInEquipment(input: $input) { ${SCAN_RESULT} } }`, { input });
}
