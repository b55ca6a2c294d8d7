import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { ProductionEvent } from '../events/production-event.entity.js';
import { User } from '../staff/user.entity.js';
import { EquipmentCase, EquipmentItem, EquipmentUnit } from './equipment-catalogue.entity.js';
import { EquipmentLineKind, MovementKind, MovementVia, ReturnCondition } from './equipment.types.js';

/**
 * Own gear an event reserves: a planned line (one per item) or an extra delivery (with a reason).
 * The row also carries a copy of the event's reserved days and whether the event still reserves
 * (`busy_days`, `active`), kept by database triggers for the availability index; they are not
 * mapped here because nothing but those triggers may write them.
 */
@Entity({ tableName: 'event_equipment' })
export class EventEquipmentLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ProductionEvent, { fieldName: 'event_id' })
  event!: Rel<ProductionEvent>;

  @ManyToOne(() => EquipmentItem, { fieldName: 'item_id' })
  item!: Rel<EquipmentItem>;

  @Enum({ items: () => EquipmentLineKind })
  kind: EquipmentLineKind & Opt = EquipmentLineKind.PLANNED;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'date', nullable: true })
  deliveryDate?: CalendarDate | null;

  @ManyToOne(() => User, { nullable: true, fieldName: 'created_by' })
  createdBy?: Rel<User> | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** Gear hired from another company for an event. */
@Entity({ tableName: 'event_subrental' })
export class EventSubRental {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ProductionEvent, { fieldName: 'event_id' })
  event!: Rel<ProductionEvent>;

  @Property({ type: 'text' })
  supplier!: string;

  @ManyToOne(() => EquipmentItem, { nullable: true, fieldName: 'item_id' })
  item?: Rel<EquipmentItem> | null;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'decimal', precision: 12, scale: 2, nullable: true })
  cost?: string | null;

  @Property({ type: 'date' })
  fromDate!: CalendarDate;

  @Property({ type: 'date' })
  toDate!: CalendarDate;

  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @ManyToOne(() => User, { nullable: true, fieldName: 'created_by' })
  createdBy?: Rel<User> | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** One movement of gear: who, when, what, for which event, scanned or typed. Never changed. */
@Entity({ tableName: 'equipment_movement' })
export class EquipmentMovement {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz' })
  at: Date & Opt = new Date();

  @ManyToOne(() => User, { nullable: true, fieldName: 'actor_id' })
  actor?: Rel<User> | null;

  @Enum({ items: () => MovementKind })
  kind!: MovementKind;

  @ManyToOne(() => EquipmentItem, { fieldName: 'item_id' })
  item!: Rel<EquipmentItem>;

  @ManyToOne(() => EquipmentUnit, { nullable: true, fieldName: 'unit_id' })
  unit?: Rel<EquipmentUnit> | null;

  @ManyToOne(() => EquipmentCase, { nullable: true, fieldName: 'case_id' })
  case?: Rel<EquipmentCase> | null;

  @ManyToOne(() => ProductionEvent, { nullable: true, fieldName: 'event_id' })
  event?: Rel<ProductionEvent> | null;

  @Property({ type: 'integer' })
  quantity!: number;

  @Enum({ items: () => MovementVia })
  via: MovementVia & Opt = MovementVia.MANUAL;

  @Enum({ items: () => ReturnCondition, nullable: true })
  condition?: ReturnCondition | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
