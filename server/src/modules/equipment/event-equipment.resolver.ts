import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import type { RequestContext } from '../../graphql/context.js';
import { CalendarDateScalar } from '../../graphql/scalars.js';
import { SubRentalInput } from './equipment.inputs.js';
import { EventEquipment, EventEquipmentResult } from './equipment.types.js';
import type { EventEquipmentService } from './event-equipment.service.js';

const overrideArg = { nullable: true, description: 'Reason to accept a shortage under the BLOCK policy; journaled.' } as const;

@Resolver()
export class EventEquipmentResolver {
  constructor(private readonly gear: EventEquipmentService) {}

  @Authorized('event:read', 'equipment:read')
  @Query(() => EventEquipment, { description: "An event's gear: planned lines with availability, extra deliveries, sub-rentals, shortages." })
  eventEquipment(@Arg('eventId', () => ID, { description: 'Event id.' }) eventId: string): Promise<EventEquipment> {
    return this.gear.get(eventId);
  }

  @Authorized('event:read', 'equipment:read')
  @Mutation(() => EventEquipmentResult, {
    description: "Set how many of an item an event reserves (0 removes it). A shortage is saved and reported under ALLOW/WARN; under BLOCK it is a CONFLICT unless an override reason is given. Needs the event's editor rights or equipment:manage.",
  })
  setEventEquipment(
    @Arg('eventId', () => ID, { description: 'Event id.' }) eventId: string,
    @Arg('itemId', () => ID, { description: 'Item id.' }) itemId: string,
    @Arg('quantity', () => Int, { description: 'Quantity; 0 removes the line.' }) quantity: number,
    @Arg('overrideReason', () => String, overrideArg) overrideReason: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<EventEquipmentResult> {
    return this.gear.setLine(ctx.viewer!, eventId, itemId, quantity, overrideReason);
  }

  @Authorized('event:read', 'equipment:read')
  @Mutation(() => EventEquipmentResult, { description: 'Pick the units of a serialised item that go to the event (replaces the pick; at most the planned quantity).' })
  pickEventUnits(
    @Arg('eventId', () => ID, { description: 'Event id.' }) eventId: string,
    @Arg('itemId', () => ID, { description: 'Item id.' }) itemId: string,
    @Arg('unitIds', () => [ID], { description: 'Units.' }) unitIds: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<EventEquipmentResult> {
    return this.gear.pickUnits(ctx.viewer!, eventId, itemId, unitIds);
  }

  @Authorized('event:read', 'equipment:read')
  @Mutation(() => EventEquipmentResult, { description: 'Add an extra delivery (gear brought later); the reason is required and journaled.' })
  addExtraDelivery(
    @Arg('eventId', () => ID, { description: 'Event id.' }) eventId: string,
    @Arg('itemId', () => ID, { description: 'Item id.' }) itemId: string,
    @Arg('quantity', () => Int, { description: 'Quantity.' }) quantity: number,
    @Arg('reason', () => String, { description: 'Why it is brought later.' }) reason: string,
    @Arg('date', () => CalendarDateScalar, { description: 'When, within the event days.' }) date: CalendarDate,
    @Arg('overrideReason', () => String, overrideArg) overrideReason: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<EventEquipmentResult> {
    return this.gear.addExtraDelivery(ctx.viewer!, eventId, itemId, quantity, reason, date, overrideReason);
  }

  @Authorized('event:read', 'equipment:read')
  @Mutation(() => EventEquipmentResult, { description: 'Remove an extra delivery.' })
  removeExtraDelivery(@Arg('id', () => ID, { description: 'Extra delivery id.' }) id: string, @Ctx() ctx: RequestContext): Promise<EventEquipmentResult> {
    return this.gear.removeExtraDelivery(ctx.viewer!, id);
  }

  @Authorized('event:read', 'equipment:read')
  @Mutation(() => EventEquipmentResult, { description: 'Add sub-rented gear (hired from a supplier); one naming a catalogue item offsets its shortage.' })
  addSubRental(
    @Arg('eventId', () => ID, { description: 'Event id.' }) eventId: string,
    @Arg('input', () => SubRentalInput, { description: 'The sub-rental.' }) input: SubRentalInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EventEquipmentResult> {
    return this.gear.addSubRental(ctx.viewer!, eventId, input);
  }

  @Authorized('event:read', 'equipment:read')
  @Mutation(() => EventEquipmentResult, { description: 'Change a sub-rental; a stale version is a CONFLICT.' })
  updateSubRental(
    @Arg('id', () => ID, { description: 'Sub-rental id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read.' }) expectedVersion: number,
    @Arg('input', () => SubRentalInput, { description: 'The sub-rental.' }) input: SubRentalInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EventEquipmentResult> {
    return this.gear.updateSubRental(ctx.viewer!, id, expectedVersion, input);
  }

  @Authorized('event:read', 'equipment:read')
  @Mutation(() => EventEquipmentResult, { description: 'Remove a sub-rental.' })
  removeSubRental(@Arg('id', () => ID, { description: 'Sub-rental id.' }) id: string, @Ctx() ctx: RequestContext): Promise<EventEquipmentResult> {
    return this.gear.removeSubRental(ctx.viewer!, id);
  }
}
