import { Authorized, Field, ID, Int, ObjectType, registerEnumType, Float } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { CalendarDateScalar, SafeIntScalar } from '../../graphql/scalars.js';
import { Person, ProductionEventRef } from '../events/production-event.types.js';
import { EquipmentKind } from './equipment-catalogue.entity.js';
import { RepairStatus } from './repair.entity.js';
import { EquipmentItemRef, EquipmentShortage, EquipmentUnitRef } from './equipment-refs.types.js';

export { EquipmentItemRef, EquipmentShortage, EquipmentUnitRef };

export enum EquipmentLineKind {
  PLANNED = 'PLANNED',
  EXTRA = 'EXTRA',
}
registerEnumType(EquipmentLineKind, {
  name: 'EquipmentLineKind',
  description: 'A planned line of an event or an extra delivery.',
  valuesConfig: { PLANNED: { description: 'Planned own gear, one line per item.' }, EXTRA: { description: 'Brought to the event later, with a reason.' } },
});

export enum MovementKind {
  CHECK_OUT = 'CHECK_OUT',
  CHECK_IN = 'CHECK_IN',
  REPAIR_IN = 'REPAIR_IN',
  REPAIR_OUT = 'REPAIR_OUT',
  WRITE_OFF = 'WRITE_OFF',
  TRANSFER = 'TRANSFER',
}
registerEnumType(MovementKind, {
  name: 'MovementKind',
  description: 'What a movement of gear was.',
  valuesConfig: {
    CHECK_OUT: { description: 'Left the store for an event.' },
    CHECK_IN: { description: 'Came back from an event.' },
    REPAIR_IN: { description: 'Went to repair.' },
    REPAIR_OUT: { description: 'Came back from repair.' },
    WRITE_OFF: { description: 'Written off (not repairable, or missing).' },
    TRANSFER: { description: 'Moved between places or cases.' },
  },
});

export enum MovementVia {
  SCAN = 'SCAN',
  MANUAL = 'MANUAL',
}
registerEnumType(MovementVia, {
  name: 'MovementVia',
  description: 'How a movement was recorded.',
  valuesConfig: { SCAN: { description: 'By scanning a label.' }, MANUAL: { description: 'Typed or counted by hand.' } },
});

export enum ReturnCondition {
  OK = 'OK',
  DAMAGED = 'DAMAGED',
  MISSING = 'MISSING',
}
registerEnumType(ReturnCondition, {
  name: 'ReturnCondition',
  description: 'How gear came back.',
  valuesConfig: {
    OK: { description: 'Back in order.' },
    DAMAGED: { description: 'Back, but damaged: a repair is opened.' },
    MISSING: { description: 'Declared lost: written off.' },
  },
});

export enum ScanTargetKind {
  UNIT = 'UNIT',
  CASE = 'CASE',
  ITEM = 'ITEM',
}
registerEnumType(ScanTargetKind, {
  name: 'ScanTargetKind',
  description: 'What a QR code names.',
  valuesConfig: { UNIT: { description: 'A serialised unit.' }, CASE: { description: 'A case of units.' }, ITEM: { description: 'A bulk item.' } },
});

@ObjectType({ description: 'A category of the catalogue (two levels).' })
export class EquipmentCategoryView {
  @Field(() => ID, { description: 'Category id.' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Parent category; null for a top-level one.' })
  parentId!: string | null;

  @Field(() => Int, { description: 'Order among its siblings.' })
  position!: number;

  @Field(() => Int, { description: 'How many items (not archived) are in it directly.' })
  itemCount!: number;

  @Field(() => Int, { description: 'Version for optimistic locking.' })
  version!: number;
}

@ObjectType({ description: 'An item of the catalogue with its stock figures.' })
export class EquipmentItemView {
  @Field(() => ID, { description: 'Item id.' })
  id!: string;

  @Field(() => String, { description: 'Item code (unique, case-insensitive); the key of imports.' })
  code!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => ID, { description: 'Category id.' })
  categoryId!: string;

  @Field(() => String, { description: 'Category name, with its parent: "Sound / Microphones".' })
  categoryPath!: string;

  @Field(() => EquipmentKind, { description: 'Bulk or serialised.' })
  kind!: EquipmentKind;

  @Field(() => Int, { description: 'Owned: the bulk quantity, or the units not written off.' })
  owned!: number;

  @Field(() => Int, { description: 'In open repairs.' })
  inRepair!: number;

  @Field(() => Int, { description: 'Checked out to events right now.' })
  out!: number;

  @Field(() => String, { description: 'Opaque code of the QR label (bulk items; units have their own).' })
  qrCode!: string;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes!: string | null;

  @Field(() => Date, { nullable: true, description: 'When archived; archived items cannot be added to events.' })
  archivedAt!: Date | null;

  @Field(() => Int, { description: 'Version for optimistic locking.' })
  version!: number;
}

@ObjectType({ description: 'One serialised unit: where it is and what state it is in.' })
export class EquipmentUnitView {
  @Field(() => ID, { description: 'Unit id.' })
  id!: string;

  @Field(() => EquipmentItemRef, { description: 'Its item.' })
  item!: EquipmentItemRef;

  @Field(() => String, { description: 'Serial number.' })
  serial!: string;

  @Field(() => String, { description: 'Opaque code of its QR label.' })
  qrCode!: string;

  @Field(() => ID, { nullable: true, description: 'The case it travels in.' })
  caseId!: string | null;

  @Field(() => String, { nullable: true, description: 'Name of that case.' })
  caseName!: string | null;

  @Field(() => ProductionEventRef, { nullable: true, description: 'The event it is checked out to; null while in the store.' })
  outEvent!: ProductionEventRef | null;

  @Field(() => Boolean, { description: 'True while an open repair holds it.' })
  inRepair!: boolean;

  @Field(() => Date, { nullable: true, description: 'When written off.' })
  writtenOffAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes!: string | null;

  @Field(() => Int, { description: 'Version for optimistic locking.' })
  version!: number;
}

@ObjectType({ description: 'A case and the units in it.' })
export class EquipmentCaseView {
  @Field(() => ID, { description: 'Case id.' })
  id!: string;

  @Field(() => String, { description: 'Name, e.g. "Amp rack 2".' })
  name!: string;

  @Field(() => String, { description: 'Opaque code of its QR label.' })
  qrCode!: string;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes!: string | null;

  @Field(() => [EquipmentUnitView], { description: 'Units in the case.' })
  units!: EquipmentUnitView[];

  @Field(() => Int, { description: 'Version for optimistic locking.' })
  version!: number;
}

@ObjectType({ description: 'One page of items.' })
export class EquipmentItemPage {
  @Field(() => [EquipmentItemView], { description: 'Items on this page, by name.' })
  items!: EquipmentItemView[];

  @Field(() => Int, { description: 'How many match in all.' })
  total!: number;
}

@ObjectType({ description: 'How many of an item can still be reserved over a period.' })
export class ItemAvailability {
  @Field(() => EquipmentItemRef, { description: 'The item.' })
  item!: EquipmentItemRef;

  @Field(() => Int, { description: 'Owned.' })
  owned!: number;

  @Field(() => Int, { description: 'In open repairs.' })
  inRepair!: number;

  @Field(() => Int, { description: 'Reserved by other non-cancelled events on the busiest day of the period (prep and return days count).' })
  reserved!: number;

  @Field(() => Int, { description: 'owned − inRepair − reserved; negative when already overbooked.' })
  available!: number;
}

@ObjectType({ description: 'Availability of one item on one day.' })
export class DayAvailability {
  @Field(() => CalendarDateScalar, { description: 'The day.' })
  day!: CalendarDate;

  @Field(() => Int, { description: 'Owned.' })
  owned!: number;

  @Field(() => Int, { description: 'In open repairs.' })
  inRepair!: number;

  @Field(() => Int, { description: 'Reserved that day by non-cancelled events (prep and return days count; their sub-rentals offset it).' })
  reserved!: number;

  @Field(() => Int, { description: 'owned − inRepair − reserved; negative when overbooked that day.' })
  available!: number;
}

@ObjectType({ description: 'Own gear on an event: a planned line or an extra delivery.' })
export class EventEquipmentLine {
  @Field(() => ID, { description: 'Line id.' })
  id!: string;

  @Field(() => EquipmentItemRef, { description: 'The item.' })
  item!: EquipmentItemRef;

  @Field(() => EquipmentLineKind, { description: 'Planned or extra delivery.' })
  kind!: EquipmentLineKind;

  @Field(() => Int, { description: 'Quantity.' })
  quantity!: number;

  @Field(() => String, { nullable: true, description: 'Why (extra deliveries).' })
  reason!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'When it is brought (extra deliveries).' })
  deliveryDate!: CalendarDate | null;

  @Field(() => [EquipmentUnitRef], { description: 'Units picked for this item (planned lines of serialised items).' })
  pickedUnits!: EquipmentUnitRef[];
}

@ObjectType({ description: 'Gear hired from another company for an event.' })
export class EventSubRentalView {
  @Field(() => ID, { description: 'Sub-rental id.' })
  id!: string;

  @Field(() => String, { description: 'Supplier.' })
  supplier!: string;

  @Field(() => EquipmentItemRef, { nullable: true, description: 'The catalogue item it stands in for (reduces the shortage of it).' })
  item!: EquipmentItemRef | null;

  @Field(() => String, { nullable: true, description: 'Free text when not a catalogue item.' })
  description!: string | null;

  @Field(() => Int, { description: 'Quantity.' })
  quantity!: number;

  @Authorized('event:update-any')
  @Field(() => Float, { nullable: true, description: 'Cost. Needs event:update-any.' })
  cost!: number | null;

  @Field(() => CalendarDateScalar, { description: 'From.' })
  fromDate!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'To, inclusive.' })
  toDate!: CalendarDate;

  @Field(() => Int, { description: 'Version for optimistic locking.' })
  version!: number;
}

@ObjectType({ description: "An event's gear: planned lines with availability, extra deliveries, sub-rentals and shortages." })
export class EventEquipment {
  @Field(() => ID, { description: 'Event id.' })
  eventId!: string;

  @Field(() => [EventEquipmentLine], { description: 'Planned own gear, by item name.' })
  lines!: EventEquipmentLine[];

  @Field(() => [EventEquipmentLine], { description: 'Extra deliveries, by date.' })
  extraDeliveries!: EventEquipmentLine[];

  @Field(() => [EventSubRentalView], { description: 'Sub-rented gear.' })
  subRentals!: EventSubRentalView[];

  @Field(() => [ItemAvailability], { description: "Availability of every item on the event over its reserved days, other events' reservations counted." })
  availability!: ItemAvailability[];

  @Field(() => [EquipmentShortage], { description: 'Shortages of this event.' })
  shortages!: EquipmentShortage[];
}

@ObjectType({ description: 'The result of changing gear on an event.' })
export class EventEquipmentResult {
  @Field(() => EventEquipment, { description: "The event's gear after the change." })
  equipment!: EventEquipment;

  @Field(() => [EquipmentShortage], { description: 'Shortages this change created (saved under ALLOW/WARN, or with an override reason).' })
  shortages!: EquipmentShortage[];
}

@ObjectType({ description: 'A repair: a unit or a quantity out of service.' })
export class RepairView {
  @Field(() => ID, { description: 'Repair id.' })
  id!: string;

  @Field(() => EquipmentItemRef, { description: 'The item.' })
  item!: EquipmentItemRef;

  @Field(() => EquipmentUnitRef, { nullable: true, description: 'The unit, for serialised items.' })
  unit!: EquipmentUnitRef | null;

  @Field(() => Int, { description: 'How many.' })
  quantity!: number;

  @Field(() => String, { description: 'What is wrong.' })
  reason!: string;

  @Field(() => String, { description: 'Kind of fault; routes the repair.' })
  problemKind!: string;

  @Field(() => RepairStatus, { description: 'Open, returned or written off.' })
  status!: RepairStatus;

  @Field(() => Person, { nullable: true, description: 'Who reported it.' })
  reportedBy!: Person | null;

  @Field(() => Person, { nullable: true, description: 'Who is responsible (from the routing rules).' })
  responsible!: Person | null;

  @Field(() => ProductionEventRef, { nullable: true, description: 'The event it came back damaged from.' })
  event!: ProductionEventRef | null;

  @Field(() => Date, { description: 'Opened.' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Closed.' })
  closedAt!: Date | null;

  @Field(() => Int, { description: 'Whole days open (until now, or until closed).' })
  daysOpen!: number;

  @Field(() => String, { nullable: true, description: 'Note written when closing.' })
  closeNote!: string | null;

  @Field(() => Int, { description: 'Version for optimistic locking.' })
  version!: number;
}

@ObjectType({ description: 'A routing rule: (category, problem kind) → responsible person. Empty fields match anything.' })
export class RepairRuleView {
  @Field(() => ID, { description: 'Rule id.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Category; null = any.' })
  categoryId!: string | null;

  @Field(() => String, { nullable: true, description: 'Category name.' })
  categoryName!: string | null;

  @Field(() => String, { nullable: true, description: 'Problem kind; null = any.' })
  problemKind!: string | null;

  @Field(() => Person, { description: 'Who gets the repairs it matches.' })
  responsible!: Person;

  @Field(() => Int, { description: 'Version.' })
  version!: number;
}

@ObjectType({ description: 'A repair routed to you.' })
export class RepairNotification {
  @Field(() => SafeIntScalar, { description: 'Journal sequence number.' })
  seq!: number;

  @Field(() => ID, { description: 'Repair id.' })
  repairId!: string;

  @Field(() => String, { description: 'One line for people.' })
  message!: string;

  @Field(() => String, { description: 'Item name.' })
  itemName!: string;

  @Field(() => String, { nullable: true, description: 'Unit serial.' })
  serial!: string | null;

  @Field(() => String, { description: 'Reason.' })
  reason!: string;

  @Field(() => String, { description: 'Problem kind.' })
  problemKind!: string;

  @Field(() => String, { nullable: true, description: 'Who reported it.' })
  reporterName!: string | null;

  @Field(() => Date, { description: 'When.' })
  at!: Date;
}

@ObjectType({ description: 'A movement of gear: check-out, check-in, repair in/out, write-off.' })
export class EquipmentMovementView {
  @Field(() => ID, { description: 'Movement id.' })
  id!: string;

  @Field(() => Date, { description: 'When.' })
  at!: Date;

  @Field(() => Person, { nullable: true, description: 'Who.' })
  actor!: Person | null;

  @Field(() => MovementKind, { description: 'What.' })
  kind!: MovementKind;

  @Field(() => EquipmentItemRef, { description: 'Item.' })
  item!: EquipmentItemRef;

  @Field(() => EquipmentUnitRef, { nullable: true, description: 'Unit.' })
  unit!: EquipmentUnitRef | null;

  @Field(() => String, { nullable: true, description: 'Case it moved in.' })
  caseName!: string | null;

  @Field(() => ProductionEventRef, { nullable: true, description: 'Event.' })
  event!: ProductionEventRef | null;

  @Field(() => Int, { description: 'Quantity.' })
  quantity!: number;

  @Field(() => MovementVia, { description: 'Scanned or typed.' })
  via!: MovementVia;

  @Field(() => ReturnCondition, { nullable: true, description: 'Condition at check-in.' })
  condition!: ReturnCondition | null;

  @Field(() => String, { nullable: true, description: 'Note.' })
  note!: string | null;
}

@ObjectType({ description: 'A unit on the packing list and where it is.' })
export class WarehouseUnit {
  @Field(() => EquipmentUnitRef, { description: 'The unit.' })
  unit!: EquipmentUnitRef;

  @Field(() => Boolean, { description: 'Picked for this event.' })
  picked!: boolean;

  @Field(() => Boolean, { description: 'Out with this event now.' })
  out!: boolean;
}

@ObjectType({ description: 'Planned vs out vs returned for one item of an event.' })
export class WarehouseLine {
  @Field(() => EquipmentItemRef, { description: 'The item.' })
  item!: EquipmentItemRef;

  @Field(() => Int, { description: 'Planned (lines and extra deliveries).' })
  planned!: number;

  @Field(() => Int, { description: 'Checked out in all.' })
  out!: number;

  @Field(() => Int, { description: 'Returned (in order or damaged).' })
  returned!: number;

  @Field(() => Int, { description: 'Returned damaged.' })
  damaged!: number;

  @Field(() => Int, { description: 'Declared missing (written off).' })
  missing!: number;

  @Field(() => Int, { description: 'Out and not back yet.' })
  outstanding!: number;

  @Field(() => [WarehouseUnit], { description: 'Units picked for or out with this event.' })
  units!: WarehouseUnit[];
}

@ObjectType({ description: "An event's check-out / check-in sheet." })
export class WarehouseSheet {
  @Field(() => ProductionEventRef, { description: 'The event.' })
  event!: ProductionEventRef;

  @Field(() => [WarehouseLine], { description: 'Per item.' })
  lines!: WarehouseLine[];
}

@ObjectType({ description: 'What one scan or count did.' })
export class WarehouseScanResult {
  @Field(() => String, { description: 'One line for people: what moved.' })
  message!: string;

  @Field(() => EquipmentItemRef, { description: 'The item (the first one, for a case).' })
  item!: EquipmentItemRef;

  @Field(() => Int, { description: 'How many pieces moved.' })
  moved!: number;

  @Field(() => WarehouseSheet, { description: 'The sheet after the scan.' })
  sheet!: WarehouseSheet;
}

@ObjectType({ description: 'What a QR code names, for the /q/<code> page.' })
export class ScanTarget {
  @Field(() => ScanTargetKind, { description: 'Unit, case or bulk item.' })
  kind!: ScanTargetKind;

  @Field(() => String, { description: 'The code.' })
  code!: string;

  @Field(() => EquipmentItemView, { nullable: true, description: 'The item (for ITEM and UNIT).' })
  item!: EquipmentItemView | null;

  @Field(() => EquipmentUnitView, { nullable: true, description: 'The unit (for UNIT).' })
  unit!: EquipmentUnitView | null;

  @Field(() => EquipmentCaseView, { nullable: true, description: 'The case (for CASE).' })
  case!: EquipmentCaseView | null;
}
