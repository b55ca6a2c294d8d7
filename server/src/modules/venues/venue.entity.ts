import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

@ObjectType({ description: 'A place where events happen.' })
@Entity({ tableName: 'venue' })
export class Venue {
  @Field(() => ID, { description: 'Venue id.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Name, e.g. "Crocus City Hall".' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Street address, for call sheets.' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Access, parking, load-in notes.' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the venue was archived; archived venues are not offered for new events.' })
  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  @Field(() => Int, { description: 'Version for optimistic locking.' })
  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
