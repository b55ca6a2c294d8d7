import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

export enum ClientKind {
  COMPANY = 'COMPANY',
  PERSON = 'PERSON',
}

/** SPEC §4: potential until an event is confirmed; active then; inactive only without upcoming confirmed events. */
export enum ClientState {
  POTENTIAL = 'POTENTIAL',
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}

registerEnumType(ClientKind, {
  name: 'ClientKind',
  description: 'A company or a private person.',
  valuesConfig: { COMPANY: { description: 'A company, usually with a contact person.' }, PERSON: { description: 'A private person.' } },
});
registerEnumType(ClientState, {
  name: 'ClientState',
  description: 'Where the relationship stands.',
  valuesConfig: {
    POTENTIAL: { description: 'No confirmed event yet.' },
    ACTIVE: { description: 'Has had a confirmed event; set automatically on confirmation.' },
    INACTIVE: { description: 'Not working with us now; refused while an upcoming event is confirmed.' },
  },
});

@ObjectType({ description: 'A client: who orders events. Never deleted, only archived.' })
@Entity({ tableName: 'client' })
export class Client {
  @Field(() => ID, { description: 'Client id.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Company or person name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => ClientKind, { description: 'Company or private person.' })
  @Enum({ items: () => ClientKind })
  kind!: ClientKind;

  @Authorized('client:read')
  @Field(() => String, { description: 'Phone in international format (E.164); identifies the client, unique.' })
  @Property({ type: 'text' })
  phone!: string;

  @Authorized('client:read')
  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Authorized('client:read')
  @Field(() => String, { nullable: true, description: 'Whom to call at a company client.' })
  @Property({ type: 'text', nullable: true })
  contactPerson?: string | null;

  @Authorized('client:read')
  @Field(() => String, { nullable: true, description: 'Free notes.' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => ClientState, { description: 'Potential, active or inactive.' })
  @Enum({ items: () => ClientState })
  state: ClientState & Opt = ClientState.POTENTIAL;

  @Field(() => Date, { nullable: true, description: 'When the client was archived; null while in use.' })
  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  @Field(() => Int, { description: 'Version for optimistic locking; send it back with an update.' })
  @Property({ type: 'integer' })
  version: number & Opt = 1;

  @Field(() => Date, { description: 'When the client was created.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
