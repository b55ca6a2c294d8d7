import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Role } from './role.entity.js';

@ObjectType({ description: 'A staff account.' })
@Entity({ tableName: 'app_user' })
export class User {
  @Field(() => ID, { description: 'Account id.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Login e-mail, unique regardless of case.' })
  @Property({ type: 'text' })
  email!: string;

  @Field(() => String, { description: 'Full name as colleagues know it.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Phone number, for call sheets.' })
  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  /** SHA-256 of the personal calendar feed token; null when there is no feed. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  icalTokenHash?: string | null;

  @Field(() => Role, { description: 'The role that grants this account its permissions.' })
  @ManyToOne(() => Role)
  role!: Rel<Role>;

  @Field(() => Boolean, { description: 'False once deactivated: cannot sign in, sessions ended.' })
  @Property({ type: 'boolean' })
  active = true;

  @Field(() => String, { description: 'Interface language code, e.g. "en" or "ru".' })
  @Property({ type: 'text' })
  language = 'en';

  @Field(() => Int, { description: 'Version for optimistic locking; send it back with an update.' })
  @Property({ version: true })
  version!: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
