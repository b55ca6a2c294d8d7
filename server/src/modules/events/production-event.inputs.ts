import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { CalendarDateScalar } from '../../graphql/scalars.js';
import { ProductionEventStatus } from './production-event-status.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_MESSAGE = { message: 'is not a time written HH:MM' };

@InputType({ description: 'A new event.' })
export class CreateProductionEventInput {
  @Field(() => String, { description: 'Title.' })
  @Length(1, 300)
  title!: string;

  @Field(() => CalendarDateScalar, { description: 'First show day.' })
  startDate!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'Last show day (the same as startDate for one day).' })
  endDate!: CalendarDate;

  @Field(() => String, { nullable: true, description: 'Start time HH:MM on the first day.' })
  @IsOptional()
  @Matches(TIME, TIME_MESSAGE)
  startTime?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'End time HH:MM on the last day; a time before the cut-over hour means the morning after (an overnight show).',
  })
  @IsOptional()
  @Matches(TIME, TIME_MESSAGE)
  endTime?: string | null;

  @Field(() => Int, { defaultValue: 0, description: 'Load-in days before the first show day (0–30).' })
  @IsInt()
  @Min(0)
  @Max(30)
  prepDays = 0;

  @Field(() => Int, { defaultValue: 0, description: 'Load-out days after the last show day (0–30).' })
  @IsInt()
  @Min(0)
  @Max(30)
  returnDays = 0;

  @Field(() => ProductionEventStatus, { defaultValue: ProductionEventStatus.DRAFT, description: 'DRAFT, TENTATIVE or CONFIRMED.' })
  @IsIn(Object.values(ProductionEventStatus))
  status = ProductionEventStatus.DRAFT;

  @Field(() => ID, { nullable: true, description: 'Client id.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a client id' })
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Venue id.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a venue id' })
  venueId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Responsible manager (an account id); default: you.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not an account id' })
  managerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Senior engineer (an account id).' })
  @IsOptional()
  @IsUUID('all', { message: 'is not an account id' })
  seniorEngineerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @IsOptional()
  @Length(0, 10_000)
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'Manual problem note.' })
  @IsOptional()
  @Length(0, 2000)
  problemNote?: string | null;

  @Field(() => String, { nullable: true, description: 'Reason to accept a double booking under the BLOCK policy (journaled).' })
  @IsOptional()
  @Length(1, 500)
  overrideReason?: string | null;
}

@InputType({ description: 'Fields of an event to change; omitted fields stay, null clears an optional field.' })
export class UpdateProductionEventInput {
  @Field(() => String, { nullable: true, description: 'Title.' })
  @IsOptional()
  @Length(1, 300)
  title?: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'First show day.' })
  @IsOptional()
  startDate?: CalendarDate;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Last show day.' })
  @IsOptional()
  endDate?: CalendarDate;

  @Field(() => String, { nullable: true, description: 'Start time HH:MM; null for whole days.' })
  @IsOptional()
  @Matches(TIME, TIME_MESSAGE)
  startTime?: string | null;

  @Field(() => String, { nullable: true, description: 'End time HH:MM; before the cut-over hour = the morning after.' })
  @IsOptional()
  @Matches(TIME, TIME_MESSAGE)
  endTime?: string | null;

  @Field(() => Int, { nullable: true, description: 'Load-in days (0–30).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  prepDays?: number;

  @Field(() => Int, { nullable: true, description: 'Load-out days (0–30).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  returnDays?: number;

  @Field(() => ID, { nullable: true, description: 'Client id; null clears it.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a client id' })
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Venue id; null clears it.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a venue id' })
  venueId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Responsible manager; null clears it.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not an account id' })
  managerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Senior engineer; null clears it.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not an account id' })
  seniorEngineerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @IsOptional()
  @Length(0, 10_000)
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'Manual problem note; null clears it.' })
  @IsOptional()
  @Length(0, 2000)
  problemNote?: string | null;
}

@InputType({ description: 'Which events the calendar shows; all conditions must hold.' })
export class ProductionEventFilter {
  @Field(() => [ProductionEventStatus], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  statuses?: ProductionEventStatus[];

  @Field(() => Boolean, { nullable: true, description: 'Only events I am on (as manager, senior engineer or crew).' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only events with this responsible manager.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not an account id' })
  managerId?: string;

  @Field(() => ID, { nullable: true, description: 'Only events of this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a client id' })
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Only events this person is on.' })
  @IsOptional()
  @IsUUID('all', { message: 'is not an account id' })
  personId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only confirmed (and in progress) events.' })
  @IsOptional()
  @IsBoolean()
  confirmedOnly?: boolean;
}
