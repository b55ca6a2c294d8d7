import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsDate, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DateTimeScalar, JSONScalar, SafeIntScalar } from '../../graphql/scalars.js';

@ObjectType({ description: 'One changed field of a journaled object.' })
export class FieldChange {
  @Field(() => String, { description: 'Field name, e.g. "active" or "permissions".' })
  field!: string;

  @Field(() => JSONScalar, { nullable: true, description: 'Value before the change; null when it did not exist.' })
  oldValue?: unknown;

  @Field(() => JSONScalar, { nullable: true, description: 'Value after the change; null when it was removed.' })
  newValue?: unknown;
}

/**
 * What a committing write already built for live subscribers, handed to them in memory on the
 * instance that committed it (with the entry, on its bus). Never stored and never sent between
 * instances: elsewhere, and in replays, subscribers read the database as before.
 */
export interface LiveAttachment {
  /** Objects as live feeds show them, by id (e.g. an event's view), read in the write's transaction after its last lock. */
  views: ReadonlyMap<string, object>;
}

@ObjectType({ description: 'One row of the audit journal, which is also the live change feed.' })
export class JournalEntry {
  @Field(() => SafeIntScalar, { description: 'Monotonic sequence number; changes commit in this order.' })
  seq!: number;

  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  at!: Date;

  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'Who did it: a name, or the e-mail tried at a failed login.' })
  actorLabel!: string | null;

  @Field(() => String, { description: 'What happened, e.g. "auth.login", "auth.login_failed", "user.deactivate".' })
  action!: string;

  @Field(() => String, { description: 'Kind of object changed, e.g. "User", "Role", "Session", "Login".' })
  objectType!: string;

  @Field(() => String, { nullable: true, description: 'Id of the object changed.' })
  objectId!: string | null;

  @Field(() => String, { description: 'One sentence for people.' })
  summary!: string;

  @Field(() => [FieldChange], { description: 'Changed fields with old and new values.' })
  changes!: FieldChange[];

  @Field(() => JSONScalar, {
    description: 'Machine-readable details: e.g. the new version, who was notified, an override reason, the address of a failed sign-in.',
  })
  context!: Record<string, unknown>;

  /** Only on entries that the bus of the committing instance delivers (see `LiveAttachment`). */
  live?: LiveAttachment;
}

@InputType({ description: 'Journal filter; every field narrows the result.' })
export class JournalFilter {
  @Field(() => ID, { nullable: true, description: 'Only changes made by this account.' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @Field(() => String, { nullable: true, description: 'Only this action, or actions starting with it when it ends with ".", e.g. "auth.".' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @Field(() => String, { nullable: true, description: 'Only this object type.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  objectType?: string;

  @Field(() => String, { nullable: true, description: 'Only this object id.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  objectId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Inclusive lower bound of the time.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive upper bound of the time.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@InputType({ description: 'Offset paging.' })
export class PageInput {
  @Field(() => Int, { defaultValue: 50, description: 'Rows per page, 1 to 200.' })
  @Min(1)
  @Max(200)
  limit = 50;

  @Field(() => Int, { defaultValue: 0, description: 'Rows to skip.' })
  @Min(0)
  @Max(1_000_000)
  offset = 0;
}

@ObjectType({ description: 'A page of journal entries, newest first.' })
export class JournalPage {
  @Field(() => [JournalEntry], { description: 'The entries of this page.' })
  entries!: JournalEntry[];

  @Field(() => Int, { description: 'How many entries match the filter in all.' })
  total!: number;

  @Field(() => Boolean, { description: 'True when there are older entries after this page.' })
  hasMore!: boolean;
}

@ObjectType({ description: 'A person who made journaled changes.' })
export class JournalActor {
  @Field(() => ID, { description: 'Account id; use it as the journal filter\'s actorId.' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { description: 'Login e-mail.' })
  email!: string;
}
