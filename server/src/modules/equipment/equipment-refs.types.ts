import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { CalendarDateScalar } from '../../graphql/scalars.js';
import { EquipmentKind } from './equipment-catalogue.entity.js';

// The equipment types the events module shows (event problems); kept apart so events types need no other equipment file.

@ObjectType({ description: 'Just enough of an item to name and link it.' })
export class EquipmentItemRef {
  @Field(() => ID, { description: 'Item id.' })
  id!: string;

  @Field(() => String, { description: 'Item code (unique).' })
  code!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => EquipmentKind, { description: 'Bulk or serialised.' })
  kind!: EquipmentKind;
}

@ObjectType({ description: 'Just enough of a unit to name it.' })
export class EquipmentUnitRef {
  @Field(() => ID, { description: 'Unit id.' })
  id!: string;

  @Field(() => String, { description: 'Serial number.' })
  serial!: string;
}

@ObjectType({ description: 'More of an item reserved than available on some days; a problem of every event involved.' })
export class EquipmentShortage {
  @Field(() => ID, { description: 'The event it is reported on.' })
  eventId!: string;

  @Field(() => EquipmentItemRef, { description: 'The item.' })
  item!: EquipmentItemRef;

  @Field(() => CalendarDateScalar, { description: 'First short day.' })
  fromDate!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'Last short day.' })
  toDate!: CalendarDate;

  @Field(() => Int, { description: 'Reserved by all events on the busiest short day (net of sub-rentals).' })
  reserved!: number;

  @Field(() => Int, { description: 'Owned minus in repair.' })
  available!: number;
}

