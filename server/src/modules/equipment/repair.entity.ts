import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { registerEnumType } from 'type-graphql';
import { ProductionEvent } from '../events/production-event.entity.js';
import { User } from '../staff/user.entity.js';
import { EquipmentCategory, EquipmentItem, EquipmentUnit } from './equipment-catalogue.entity.js';

export enum RepairStatus {
  OPEN = 'OPEN',
  RETURNED = 'RETURNED',
  WRITTEN_OFF = 'WRITTEN_OFF',
}

registerEnumType(RepairStatus, {
  name: 'RepairStatus',
  description: 'Where a repair stands.',
  valuesConfig: {
    OPEN: { description: 'In repair: out of available stock.' },
    RETURNED: { description: 'Repaired and back in stock.' },
    WRITTEN_OFF: { description: 'Not repairable: removed from stock for good.' },
  },
});

/** A unit, or a quantity of a bulk item, out of service with a reason. */
@Entity({ tableName: 'repair' })
export class Repair {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => EquipmentItem, { fieldName: 'item_id' })
  item!: Rel<EquipmentItem>;

  @ManyToOne(() => EquipmentUnit, { nullable: true, fieldName: 'unit_id' })
  unit?: Rel<EquipmentUnit> | null;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'text' })
  reason!: string;

  /** Free word naming the kind of fault ("electrical", "mechanical", "cable"…); routes the repair. */
  @Property({ type: 'text' })
  problemKind!: string;

  @Enum({ items: () => RepairStatus })
  status: RepairStatus & Opt = RepairStatus.OPEN;

  @ManyToOne(() => User, { nullable: true, fieldName: 'reported_by' })
  reportedBy?: Rel<User> | null;

  @ManyToOne(() => User, { nullable: true, fieldName: 'responsible_id' })
  responsible?: Rel<User> | null;

  @ManyToOne(() => ProductionEvent, { nullable: true, fieldName: 'event_id' })
  event?: Rel<ProductionEvent> | null;

  @Property({ type: 'timestamptz' })
  openedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  closeNote?: string | null;

  @Property({ type: 'integer' })
  version: number & Opt = 1;
}

/** (category, problem kind) → responsible person; null fields match anything, the most specific rule wins. */
@Entity({ tableName: 'repair_rule' })
export class RepairRule {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => EquipmentCategory, { nullable: true, fieldName: 'category_id' })
  category?: Rel<EquipmentCategory> | null;

  @Property({ type: 'text', nullable: true })
  problemKind?: string | null;

  @ManyToOne(() => User, { fieldName: 'responsible_id' })
  responsible!: Rel<User>;

  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
