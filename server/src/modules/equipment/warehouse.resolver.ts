import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { WarehouseMoveInput } from './equipment.inputs.js';
import { EquipmentMovementView, WarehouseScanResult, WarehouseSheet } from './equipment.types.js';
import type { WarehouseService } from './warehouse.service.js';

@Resolver()
export class WarehouseResolver {
  constructor(private readonly warehouse: WarehouseService) {}

  @Authorized('equipment:read')
  @Query(() => WarehouseSheet, { description: "An event's check-out / check-in sheet: planned vs out vs returned per item and unit." })
  warehouseSheet(@Arg('eventId', () => ID, { description: 'Event id.' }) eventId: string): Promise<WarehouseSheet> {
    return this.warehouse.sheet(eventId);
  }

  @Authorized('equipment:read')
  @Query(() => [EquipmentMovementView], { description: 'Movements, newest first (at most 200): of an event, a unit (its history) or an item.' })
  equipmentMovements(
    @Arg('eventId', () => ID, { nullable: true, description: 'Of this event.' }) eventId: string | undefined,
    @Arg('unitId', () => ID, { nullable: true, description: 'Of this unit.' }) unitId: string | undefined,
    @Arg('itemId', () => ID, { nullable: true, description: 'Of this item.' }) itemId: string | undefined,
  ): Promise<EquipmentMovementView[]> {
    return this.warehouse.movementsOf({ eventId, unitId, itemId });
  }

  @Authorized('equipment:checkout')
  @Mutation(() => WarehouseScanResult, {
    description: 'Check gear out to an event by a scanned code (unit, case or bulk item) or by item and count. Refusals are BAD_USER_INPUT with `extensions.refusal` (IN_REPAIR, ALREADY_OUT, NOT_ON_LIST, WRONG_EVENT, TOO_MANY…).',
  })
  checkOutEquipment(@Arg('input', () => WarehouseMoveInput, { description: 'What.' }) input: WarehouseMoveInput, @Ctx() ctx: RequestContext): Promise<WarehouseScanResult> {
    return this.warehouse.checkOut(ctx.viewer!, input);
  }

  @Authorized('equipment:checkout')
  @Mutation(() => WarehouseScanResult, { description: 'Check gear back in from an event; DAMAGED opens a routed repair, MISSING writes it off.' })
  checkInEquipment(@Arg('input', () => WarehouseMoveInput, { description: 'What.' }) input: WarehouseMoveInput, @Ctx() ctx: RequestContext): Promise<WarehouseScanResult> {
    return this.warehouse.checkIn(ctx.viewer!, input);
  }
}
