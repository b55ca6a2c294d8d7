import { Entity, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CrewRole } from '../crew-roles/crew-role.entity.js';
import { User } from '../staff/user.entity.js';
import { ProductionEvent } from './production-event.entity.js';

/** A person on an event's crew, in one crew role. */
@Entity({ tableName: 'crew_assignment' })
export class CrewAssignment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ProductionEvent)
  event!: Rel<ProductionEvent>;

  @ManyToOne(() => User)
  user!: Rel<User>;

  @ManyToOne(() => CrewRole)
  crewRole!: Rel<CrewRole>;

  /** When the person confirmed they saw the latest change; reset when their dates or role change. */
  @Property({ type: 'timestamptz', nullable: true })
  acknowledgedAt?: Date | null;

  /** Why a double booking was accepted under the BLOCK policy. */
  @Property({ type: 'text', nullable: true })
  overrideReason?: string | null;

  @ManyToOne(() => User, { nullable: true, fieldName: 'assigned_by' })
  assignedBy?: Rel<User> | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
