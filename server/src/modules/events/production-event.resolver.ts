import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import type { RequestContext } from '../../graphql/context.js';
import { CalendarDateScalar } from '../../graphql/scalars.js';
import { eventInstants } from './event-schedule.js';
import { ProductionEventStatus } from './production-event-status.js';
import { CreateProductionEventInput, ProductionEventFilter, UpdateProductionEventInput } from './production-event.inputs.js';
import type { ProductionEventReadModel } from './production-event.read-model.js';
import type { ProductionEventService } from './production-event.service.js';
import { BusyPerson, CrewScheduleRow, ProductionEventResult, ProductionEventView } from './production-event.types.js';

const overrideArg = { nullable: true, description: 'Reason to accept a double booking under the BLOCK policy; journaled.' } as const;

@Resolver(() => ProductionEventView)
export class ProductionEventResolver {
  constructor(
    private readonly events: ProductionEventService,
    private readonly readModel: ProductionEventReadModel,
  ) {}

  @Authorized('event:read')
  @Query(() => [ProductionEventView], {
    description: 'Events whose reserved days (prep and return included) touch the period, with crew, client, venue and problems. At most 400 days.',
  })
  productionEvents(
    @Arg('from', () => CalendarDateScalar, { description: 'First day of the period.' }) from: CalendarDate,
    @Arg('to', () => CalendarDateScalar, { description: 'Last day of the period, inclusive.' }) to: CalendarDate,
    @Arg('filter', () => ProductionEventFilter, { nullable: true, description: 'Which events.' }) filter: ProductionEventFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventView[]> {
    return this.readModel.window(ctx.viewer!.id, from, to, filter);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Start instant (UTC) when a start time is set, read in the company time zone.' })
  startsAt(@Root() event: ProductionEventView): Date | null {
    return eventInstants(event, event.timeZone).startsAt;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Real end instant (UTC) when an end time is set (the next morning when endsNextDay).' })
  endsAt(@Root() event: ProductionEventView): Date | null {
    return eventInstants(event, event.timeZone).endsAt;
  }

  @Authorized('event:read')
  @Query(() => ProductionEventView, { description: 'One event, also when it is in the trash.' })
  productionEvent(@Arg('id', () => ID, { description: 'Event id.' }) id: string): Promise<ProductionEventView> {
    return this.events.get(id);
  }

  @Authorized('event:delete')
  @Query(() => [ProductionEventView], { description: 'The trash: deleted events, most recently deleted first (at most 200).' })
  deletedProductionEvents(): Promise<ProductionEventView[]> {
    return this.readModel.deleted();
  }

  @Authorized('event:read')
  @Query(() => [CrewScheduleRow], { description: 'People × days: every active person and where they work in the period (at most 120 days).' })
  crewSchedule(
    @Arg('from', () => CalendarDateScalar, { description: 'First day.' }) from: CalendarDate,
    @Arg('to', () => CalendarDateScalar, { description: 'Last day, inclusive.' }) to: CalendarDate,
    @Arg('crewRoleId', () => ID, { nullable: true, description: 'Only people working in this crew role in the period.' }) crewRoleId: string | undefined,
  ): Promise<CrewScheduleRow[]> {
    return this.readModel.crewSchedule(from, to, crewRoleId);
  }

  @Authorized('event:read')
  @Query(() => [BusyPerson], { description: 'Who is already on a non-cancelled event in the period, for the crew picker (at most 120 days).' })
  busyPeople(
    @Arg('from', () => CalendarDateScalar, { description: 'First day.' }) from: CalendarDate,
    @Arg('to', () => CalendarDateScalar, { description: 'Last day, inclusive.' }) to: CalendarDate,
  ): Promise<BusyPerson[]> {
    return this.readModel.busyPeople(from, to);
  }

  @Authorized('event:create')
  @Mutation(() => ProductionEventResult, { description: 'Create an event; you are its manager unless you name another.' })
  createProductionEvent(
    @Arg('input', () => CreateProductionEventInput, { description: 'The event.' }) input: CreateProductionEventInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventResult> {
    return this.events.create(ctx.viewer!, input);
  }

  @Authorized('event:read')
  @Mutation(() => ProductionEventResult, {
    description: 'Edit an event. A stale expectedVersion is merged when the fields you change were not changed since; otherwise CONFLICT with the current event.',
  })
  updateProductionEvent(
    @Arg('id', () => ID, { description: 'Event id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read.' }) expectedVersion: number,
    @Arg('input', () => UpdateProductionEventInput, { description: 'Fields to change.' }) input: UpdateProductionEventInput,
    @Arg('overrideReason', () => String, overrideArg) overrideReason: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventResult> {
    return this.events.update(ctx.viewer!, id, expectedVersion, input, overrideReason);
  }

  @Authorized('event:read')
  @Mutation(() => ProductionEventResult, { description: 'Drag or resize: new first and last show days. Conflicts for everyone on the event come back.' })
  moveProductionEvent(
    @Arg('id', () => ID, { description: 'Event id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read.' }) expectedVersion: number,
    @Arg('startDate', () => CalendarDateScalar, { description: 'New first show day.' }) startDate: CalendarDate,
    @Arg('endDate', () => CalendarDateScalar, { description: 'New last show day.' }) endDate: CalendarDate,
    @Arg('overrideReason', () => String, overrideArg) overrideReason: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventResult> {
    return this.events.move(ctx.viewer!, id, expectedVersion, startDate, endDate, overrideReason);
  }

  @Authorized('event:read')
  @Mutation(() => ProductionEventResult, { description: 'Move an event along its workflow; only allowed transitions are accepted (else BAD_USER_INPUT).' })
  changeProductionEventStatus(
    @Arg('id', () => ID, { description: 'Event id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read.' }) expectedVersion: number,
    @Arg('status', () => ProductionEventStatus, { description: 'The new status.' }) status: ProductionEventStatus,
    @Arg('overrideReason', () => String, overrideArg) overrideReason: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventResult> {
    return this.events.changeStatus(ctx.viewer!, id, expectedVersion, status, overrideReason);
  }

  @Authorized('event:delete')
  @Mutation(() => ProductionEventResult, { description: 'Move an event to the trash (soft delete); restore it with restoreProductionEvent.' })
  deleteProductionEvent(@Arg('id', () => ID, { description: 'Event id.' }) id: string, @Ctx() ctx: RequestContext): Promise<ProductionEventResult> {
    return this.events.delete(ctx.viewer!, id);
  }

  @Authorized('event:delete')
  @Mutation(() => ProductionEventResult, { description: 'Bring an event back from the trash; its people are checked for double bookings again.' })
  restoreProductionEvent(
    @Arg('id', () => ID, { description: 'Event id.' }) id: string,
    @Arg('overrideReason', () => String, overrideArg) overrideReason: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventResult> {
    return this.events.restore(ctx.viewer!, id, overrideReason);
  }

  @Authorized('event:create')
  @Mutation(() => ProductionEventResult, { description: 'Copy an event (same length, crew, client, venue) to a new start day, as a draft.' })
  duplicateProductionEvent(
    @Arg('id', () => ID, { description: 'Event to copy.' }) id: string,
    @Arg('startDate', () => CalendarDateScalar, { description: 'First show day of the copy.' }) startDate: CalendarDate,
    @Arg('overrideReason', () => String, overrideArg) overrideReason: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventResult> {
    return this.events.duplicate(ctx.viewer!, id, startDate, overrideReason);
  }

  @Authorized('crew:assign')
  @Mutation(() => ProductionEventResult, { description: 'Put a person on the crew in a crew role. Their double bookings come back in conflicts.' })
  assignCrew(
    @Arg('eventId', () => ID, { description: 'Event id.' }) eventId: string,
    @Arg('userId', () => ID, { description: 'The person (account id).' }) userId: string,
    @Arg('crewRoleId', () => ID, { description: 'Their crew role on this event.' }) crewRoleId: string,
    @Arg('overrideReason', () => String, overrideArg) overrideReason: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventResult> {
    return this.events.assignCrew(ctx.viewer!, eventId, userId, crewRoleId, overrideReason);
  }

  @Authorized('crew:assign')
  @Mutation(() => ProductionEventResult, { description: 'Take a person off the crew; they are notified.' })
  unassignCrew(
    @Arg('eventId', () => ID, { description: 'Event id.' }) eventId: string,
    @Arg('userId', () => ID, { description: 'The person.' }) userId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventResult> {
    return this.events.unassignCrew(ctx.viewer!, eventId, userId);
  }

  @Authorized('crew:assign')
  @Mutation(() => ProductionEventResult, { description: "Change a crew member's role on this event; they are notified." })
  setCrewRole(
    @Arg('eventId', () => ID, { description: 'Event id.' }) eventId: string,
    @Arg('userId', () => ID, { description: 'The person.' }) userId: string,
    @Arg('crewRoleId', () => ID, { description: 'The new crew role.' }) crewRoleId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ProductionEventResult> {
    return this.events.setCrewRole(ctx.viewer!, eventId, userId, crewRoleId);
  }

  @Authorized('event:read')
  @Mutation(() => ProductionEventResult, { description: 'Confirm you have seen your latest change on this event (crew members only).' })
  acknowledgeAssignment(@Arg('eventId', () => ID, { description: 'Event id.' }) eventId: string, @Ctx() ctx: RequestContext): Promise<ProductionEventResult> {
    return this.events.acknowledge(ctx.viewer!, eventId);
  }
}
