import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Client } from '../clients/client.entity.js';
import { User } from '../staff/user.entity.js';
import { Venue } from '../venues/venue.entity.js';
import { ProductionEventStatus } from './production-event-status.js';

/**
 * The stored event. Reads go through `ProductionEventReadModel`, which returns the GraphQL shape
 * (crew, problems, instants) in a constant number of statements; this class is the write side.
 */
@Entity({ tableName: 'production_event' })
export class ProductionEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  title!: string;

  /** First show day, inclusive, in the company time zone. */
  @Property({ type: 'date' })
  startDate!: string;

  /** Last show day, inclusive. An overnight show still ends on its show day (see `endsNextDay`). */
  @Property({ type: 'date' })
  endDate!: string;

  /** `HH:MM` local time, or null for a whole-day event. */
  @Property({ type: 'time', nullable: true })
  startTime?: string | null;

  @Property({ type: 'time', nullable: true })
  endTime?: string | null;

  /** The end time falls after midnight, before the company cut-over hour: the morning after `endDate`. */
  @Property({ type: 'boolean' })
  endsNextDay: boolean & Opt = false;

  @Property({ type: 'smallint' })
  prepDays: number & Opt = 0;

  @Property({ type: 'smallint' })
  returnDays: number & Opt = 0;

  @Enum({ items: () => ProductionEventStatus })
  status!: ProductionEventStatus;

  @ManyToOne(() => Client, { nullable: true })
  client?: Rel<Client> | null;

  @ManyToOne(() => Venue, { nullable: true })
  venue?: Rel<Venue> | null;

  @ManyToOne(() => User, { nullable: true })
  manager?: Rel<User> | null;

  @ManyToOne(() => User, { nullable: true })
  seniorEngineer?: Rel<User> | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'text', nullable: true })
  problemNote?: string | null;

  /** Counted by the service (crew changes count too), not by MikroORM: merges need the history. */
  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @ManyToOne(() => User, { nullable: true, fieldName: 'created_by' })
  createdBy?: Rel<User> | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true, fieldName: 'deleted_by' })
  deletedBy?: Rel<User> | null;
}
