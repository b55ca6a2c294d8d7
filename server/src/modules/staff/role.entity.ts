import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

@ObjectType({ description: 'A named set of permissions given to accounts.' })
@Entity({ tableName: 'role' })
export class Role {
  @Field(() => ID, { description: 'Role id.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Role name, unique regardless of case.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => [String], { description: 'Permission keys of the catalogue, e.g. "event:create".' })
  @Property({ type: 'text[]' })
  permissions: string[] = [];

  @Field(() => Boolean, { description: 'True for the four roles every installation ships with.' })
  @Property({ type: 'boolean' })
  builtIn = false;

  @Field(() => Int, { description: 'Version for optimistic locking; send it back with an update.' })
  @Property({ version: true })
  version!: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
