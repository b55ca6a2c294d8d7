import { IsInt, IsNumber, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { CalendarDateScalar } from '../../graphql/scalars.js';
import { EquipmentKind } from './equipment-catalogue.entity.js';
import { MovementVia, ReturnCondition } from './equipment.types.js';

@InputType({ description: 'A category to create or change.' })
export class EquipmentCategoryInput {
  @Field(() => String, { description: 'Name.' })
  @Length(1, 200)
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Parent (a top-level category); null for top level.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a category id' })
  parentId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Order among siblings.' })
  @IsOptional()
  @IsInt()
  position?: number;
}

@InputType({ description: 'An item to create.' })
export class CreateEquipmentItemInput {
  @Field(() => String, { description: 'Item code, unique (case-insensitive).' })
  @Length(1, 64)
  code!: string;

  @Field(() => String, { description: 'Name.' })
  @Length(1, 300)
  name!: string;

  @Field(() => ID, { description: 'Category.' })
  @IsUUID('all', { message: 'is not a category id' })
  categoryId!: string;

  @Field(() => EquipmentKind, { description: 'Bulk or serialised.' })
  kind!: EquipmentKind;

  @Field(() => Int, { nullable: true, description: 'Quantity owned (bulk items).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  quantity?: number;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @IsOptional()
  @Length(0, 5000)
  notes?: string | null;
}

@InputType({ description: 'Fields of an item to change; omitted fields stay.' })
export class UpdateEquipmentItemInput {
  @Field(() => String, { nullable: true, description: 'Name.' })
  @IsOptional()
  @Length(1, 300)
  name?: string;

  @Field(() => ID, { nullable: true, description: 'Category.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a category id' })
  categoryId?: string;

  @Field(() => Int, { nullable: true, description: 'Quantity owned (bulk items).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  quantity?: number;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @IsOptional()
  @Length(0, 5000)
  notes?: string | null;
}

@InputType({ description: 'Which items.' })
export class EquipmentItemFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or code.' })
  @IsOptional()
  @Length(0, 200)
  search?: string;

  @Field(() => ID, { nullable: true, description: 'A category (a top-level one includes its children).' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a category id' })
  categoryId?: string;

  @Field(() => EquipmentKind, { nullable: true, description: 'Only bulk or only serialised.' })
  @IsOptional()
  kind?: EquipmentKind;

  @Field(() => Boolean, { nullable: true, description: 'Archived items instead of items in use.' })
  @IsOptional()
  archived?: boolean;
}

@InputType({ description: 'Gear hired from another company.' })
export class SubRentalInput {
  @Field(() => String, { description: 'Supplier.' })
  @Length(1, 300)
  supplier!: string;

  @Field(() => ID, { nullable: true, description: 'The catalogue item it stands in for.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not an item id' })
  itemId?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text when not a catalogue item.' })
  @IsOptional()
  @Length(0, 500)
  description?: string | null;

  @Field(() => Int, { description: 'Quantity.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity!: number;

  @Field(() => Float, { nullable: true, description: 'Cost.' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  cost?: number | null;

  @Field(() => CalendarDateScalar, { description: 'From.' })
  fromDate!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'To, inclusive.' })
  toDate!: CalendarDate;
}

@InputType({ description: 'A fault report: a unit, or a quantity of a bulk item, goes to repair.' })
export class OpenRepairInput {
  @Field(() => ID, { nullable: true, description: 'The item (bulk); omit when a unit is given.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not an item id' })
  itemId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The unit (serialised).' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a unit id' })
  unitId?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many (bulk); 1 for a unit.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  quantity?: number;

  @Field(() => String, { description: 'What is wrong.' })
  @Length(1, 2000)
  reason!: string;

  @Field(() => String, { description: 'Kind of fault, e.g. "electrical"; routes the repair.' })
  @Length(1, 100)
  problemKind!: string;
}

@InputType({ description: 'A check-out or check-in: a scanned code, or an item and a count.' })
export class WarehouseMoveInput {
  @Field(() => ID, { description: 'The event.' })
  @IsUUID('all', { message: 'is not an event id' })
  eventId!: string;

  @Field(() => String, { nullable: true, description: 'Scanned code: a unit, a case or a bulk item (or its /q/<code> URL).' })
  @IsOptional()
  @Length(1, 500)
  code?: string;

  @Field(() => ID, { nullable: true, description: 'The item, when counting by hand.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not an item id' })
  itemId?: string;

  @Field(() => Int, { nullable: true, description: 'How many (bulk items); default 1.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity?: number;

  @Field(() => MovementVia, { nullable: true, description: 'Scanned or typed; default SCAN with a code, MANUAL without.' })
  @IsOptional()
  via?: MovementVia;

  @Field(() => ReturnCondition, { nullable: true, description: 'Check-in only: condition (default OK).' })
  @IsOptional()
  condition?: ReturnCondition;

  @Field(() => String, { nullable: true, description: 'Note (required for DAMAGED: what is wrong).' })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;
}
