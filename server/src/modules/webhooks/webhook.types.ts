import { ArrayMaxSize, IsBoolean, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, SafeIntScalar } from '../../graphql/scalars.js';

@ObjectType({ description: 'An outgoing webhook: committed changes of the chosen kinds are POSTed to its URL, signed, in order.' })
export class Webhook {
  @Field(() => ID, { description: 'Webhook id.' })
  id!: string;

  @Field(() => String, { description: 'http(s) address the changes are POSTed to.' })
  url!: string;

  @Field(() => String, { description: 'What it is for, for people.' })
  description!: string;

  @Field(() => [String], { description: 'Journal actions delivered, e.g. "production_event.move"; one ending with "." takes every action starting with it ("production_event."). Empty: every action.' })
  actions!: string[];

  @Field(() => [String], { description: 'Object types delivered, e.g. "ProductionEvent", "Client". Empty: every type.' })
  objectTypes!: string[];

  @Field(() => Boolean, { description: 'False while paused: nothing is sent, and it keeps its place and catches up when resumed.' })
  active!: boolean;

  @Field(() => SafeIntScalar, { description: 'The journal seq of the last change it has dealt with (delivered, or not of its kinds).' })
  cursorSeq!: number;

  @Field(() => Int, { description: 'Failed attempts of the change at its head (0 when nothing is failing).' })
  attempts!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the failing change is tried again (exponential back-off).' })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed; null after a success.' })
  lastError!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a change was last delivered successfully.' })
  lastDeliveredAt!: Date | null;

  @Field(() => Int, { description: 'Version for optimistic locking; pass it to updateWebhook.' })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When it was registered.' })
  createdAt!: Date;
}

@ObjectType({ description: 'One attempt to deliver one change to one webhook.' })
export class WebhookDelivery {
  @Field(() => SafeIntScalar, { description: 'Attempt id (increasing).' })
  id!: number;

  @Field(() => ID, { description: 'The webhook.' })
  webhookId!: string;

  @Field(() => SafeIntScalar, { description: 'Journal seq of the change delivered.' })
  journalSeq!: number;

  @Field(() => Int, { description: '1 for the first attempt of this change, 2 for the first retry, …' })
  attempt!: number;

  @Field(() => DateTimeScalar, { description: 'When the attempt was made.' })
  at!: Date;

  @Field(() => Boolean, { description: 'True when the receiver answered 2xx in time.' })
  succeeded!: boolean;

  @Field(() => Int, { nullable: true, description: 'HTTP status answered; null when there was no answer (timeout, refused connection).' })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'What went wrong, for a failed attempt.' })
  error!: string | null;

  @Field(() => Int, { description: 'How long the attempt took, in milliseconds.' })
  durationMs!: number;
}

const KIND = /^[A-Za-z][\w.-]*$/;

@InputType({ description: 'A webhook to register, or the fields of one to change (omitted fields stay).' })
export class WebhookInput {
  @Field(() => String, { nullable: true, description: 'http:// or https:// address; required when creating.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @Field(() => String, { nullable: true, description: 'Shared secret (16–200 characters) the HMAC-SHA256 signature is made with; required when creating. It is never shown again.' })
  @IsOptional()
  @Length(16, 200)
  secret?: string;

  @Field(() => String, { nullable: true, description: 'What it is for.' })
  @IsOptional()
  @MaxLength(500)
  description?: string;

  @Field(() => [String], { nullable: true, description: 'Journal actions to deliver ("production_event." for all of a prefix); empty for every action.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(KIND, { each: true, message: 'each action is a journal action name such as "client.update" or a prefix such as "client."' })
  actions?: string[];

  @Field(() => [String], { nullable: true, description: 'Object types to deliver, e.g. "ProductionEvent"; empty for every type.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(KIND, { each: true, message: 'each object type is a name such as "ProductionEvent"' })
  objectTypes?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Pause (false) or resume (true).' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
