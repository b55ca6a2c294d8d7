import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { registerEnumType } from 'type-graphql';
import { ProductionEvent } from '../events/production-event.entity.js';

/** Bulk gear is counted (40 XLR cables); serialised gear is individual units with serial numbers. */
export enum EquipmentKind {
  BULK = 'BULK',
  SERIALISED = 'SERIALISED',
}

registerEnumType(EquipmentKind, {
  name: 'EquipmentKind',
  description: 'How an item is counted.',
  valuesConfig: {
    BULK: { description: 'A counted quantity; one QR code for the item.' },
    SERIALISED: { description: 'Individual units, each with its serial number and QR code.' },
  },
});

/** A category of the catalogue; one level of nesting (a category may have a parent, a parent has none). */
@Entity({ tableName: 'equipment_category' })
export class EquipmentCategory {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => EquipmentCategory, { nullable: true, fieldName: 'parent_id' })
  parent?: Rel<EquipmentCategory> | null;

  @Property({ type: 'integer' })
  position: number & Opt = 0;

  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** An item of the catalogue, identified by its item code (unique, case-insensitive). */
@Entity({ tableName: 'equipment_item' })
export class EquipmentItem {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => EquipmentCategory, { fieldName: 'category_id' })
  category!: Rel<EquipmentCategory>;

  @Enum({ items: () => EquipmentKind })
  kind!: EquipmentKind;

  /** Bulk items: the quantity owned. Serialised items count their units instead. */
  @Property({ type: 'integer' })
  quantity: number & Opt = 0;

  /** Opaque code printed in the QR label (`/q/<code>`). */
  @Property({ type: 'text' })
  qrCode!: string;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** A case groups units that travel together; scanning the case moves its contents. */
@Entity({ tableName: 'equipment_case' })
export class EquipmentCase {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  qrCode!: string;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** One serialised unit. */
@Entity({ tableName: 'equipment_unit' })
export class EquipmentUnit {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => EquipmentItem, { fieldName: 'item_id' })
  item!: Rel<EquipmentItem>;

  @Property({ type: 'text' })
  serial!: string;

  @Property({ type: 'text' })
  qrCode!: string;

  @ManyToOne(() => EquipmentCase, { nullable: true, fieldName: 'case_id' })
  case?: Rel<EquipmentCase> | null;

  /** The event it is checked out to; null while in the store. */
  @ManyToOne(() => ProductionEvent, { nullable: true, fieldName: 'out_event_id' })
  outEvent?: Rel<ProductionEvent> | null;

  @Property({ type: 'timestamptz', nullable: true })
  writtenOffAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
