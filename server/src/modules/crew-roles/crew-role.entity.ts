import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

@ObjectType({ description: 'A position a person takes on an event: sound engineer, rigger, show director…' })
@Entity({ tableName: 'crew_role' })
export class CrewRole {
  @Field(() => ID, { description: 'Crew role id.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Name shown on events and call sheets.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Int, { description: 'Order in pickers and call sheets.' })
  @Property({ type: 'integer' })
  position: number & Opt = 0;

  @Field(() => Boolean, { description: 'Retired roles stay on past events but are not offered for new assignments.' })
  @Property({ type: 'boolean' })
  retired: boolean & Opt = false;

  @Field(() => Int, { description: 'Version for optimistic locking.' })
  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** Seeded on every installation (SPEC §2); administrators edit the list. */
export const DEFAULT_CREW_ROLES = ['Sound', 'Lighting', 'Video', 'Stagehand', 'Rigger', 'Show director', 'Designer'] as const;
