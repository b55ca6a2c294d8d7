import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import type { RequestContext } from '../../graphql/context.js';
import { CalendarDateScalar } from '../../graphql/scalars.js';
import { PageInput } from '../journal/journal-entry.types.js';
import type { EquipmentCatalogueService } from './equipment-catalogue.service.js';
import { CreateEquipmentItemInput, EquipmentCategoryInput, EquipmentItemFilter, UpdateEquipmentItemInput } from './equipment.inputs.js';
import { EquipmentCaseView, EquipmentCategoryView, EquipmentItemPage, EquipmentItemView, EquipmentUnitView, ItemAvailability, ScanTarget, DayAvailability } from './equipment.types.js';

@Resolver()
export class EquipmentCatalogueResolver {
  constructor(private readonly catalogue: EquipmentCatalogueService) {}

  @Authorized('equipment:read')
  @Query(() => [EquipmentCategoryView], { description: 'The category tree, parents first, each followed by its children.' })
  equipmentCategories(): Promise<EquipmentCategoryView[]> {
    return this.catalogue.categories();
  }

  @Authorized('equipment:read')
  @Query(() => EquipmentItemPage, { description: 'Items matching a search (name or code), a category and a kind, by name, with stock figures.' })
  equipmentItems(
    @Arg('filter', () => EquipmentItemFilter, { nullable: true, description: 'Which items.' }) filter: EquipmentItemFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page.' }) page: PageInput | undefined,
  ): Promise<EquipmentItemPage> {
    // An explicit null filter is no filter (a default parameter only replaces undefined).
    return this.catalogue.items(filter ?? undefined, page?.limit ?? undefined, page?.offset ?? undefined);
  }

  @Authorized('equipment:read')
  @Query(() => EquipmentItemView, { description: 'One item.' })
  equipmentItem(@Arg('id', () => ID, { description: 'Item id.' }) id: string): Promise<EquipmentItemView> {
    return this.catalogue.item(id);
  }

  @Authorized('equipment:read')
  @Query(() => [EquipmentUnitView], { description: 'The units of a serialised item, in use first.' })
  equipmentUnits(@Arg('itemId', () => ID, { description: 'Item id.' }) itemId: string): Promise<EquipmentUnitView[]> {
    return this.catalogue.unitsOf(itemId);
  }

  @Authorized('equipment:read')
  @Query(() => EquipmentUnitView, { description: 'One unit: where it is and its state.' })
  equipmentUnit(@Arg('id', () => ID, { description: 'Unit id.' }) id: string): Promise<EquipmentUnitView> {
    return this.catalogue.unit(id);
  }

  @Authorized('equipment:read')
  @Query(() => [EquipmentCaseView], { description: 'Cases with their units.' })
  equipmentCases(): Promise<EquipmentCaseView[]> {
    return this.catalogue.cases();
  }

  @Authorized('equipment:read')
  @Query(() => ScanTarget, { description: 'What a QR code (or its /q/<code> URL) names: a unit, a case or a bulk item. NOT_FOUND for an unknown code.' })
  scanTarget(@Arg('code', () => String, { description: 'The scanned text.' }) code: string): Promise<ScanTarget> {
    return this.catalogue.resolveCode(code);
  }

  @Authorized('equipment:read')
  @Query(() => [ItemAvailability], {
    description: 'Availability of items over a period (at most 400 days): owned − in repair − reserved by other active events on the busiest day. One statement for the whole list.',
  })
  equipmentAvailability(
    @Arg('itemIds', () => [ID], { description: 'Items (at most 500).' }) itemIds: string[],
    @Arg('from', () => CalendarDateScalar, { description: 'First day.' }) from: CalendarDate,
    @Arg('to', () => CalendarDateScalar, { description: 'Last day, inclusive.' }) to: CalendarDate,
    @Arg('excludeEventId', () => ID, { nullable: true, description: "An event whose own reservations are not counted (the one being edited)." }) excludeEventId: string | undefined,
  ): Promise<ItemAvailability[]> {
    return this.catalogue.availability(itemIds, from, to, excludeEventId ?? null);
  }

  @Authorized('equipment:read')
  @Query(() => [DayAvailability], {
    description: 'Availability of one item on each day of a period (at most 400 days): owned − in repair − reserved by non-cancelled events that day.',
  })
  equipmentAvailabilityByDay(
    @Arg('itemId', () => ID, { description: 'Item id.' }) itemId: string,
    @Arg('from', () => CalendarDateScalar, { description: 'First day.' }) from: CalendarDate,
    @Arg('to', () => CalendarDateScalar, { description: 'Last day, inclusive.' }) to: CalendarDate,
  ): Promise<DayAvailability[]> {
    return this.catalogue.availabilityByDay(itemId, from, to);
  }

  @Authorized('equipment:manage')
  @Mutation(() => EquipmentCategoryView, { description: 'Create a category (top-level, or under a top-level one).' })
  createEquipmentCategory(@Arg('input', () => EquipmentCategoryInput, { description: 'The category.' }) input: EquipmentCategoryInput, @Ctx() ctx: RequestContext): Promise<EquipmentCategoryView> {
    return this.catalogue.saveCategory(ctx.viewer!, null, input);
  }

  @Authorized('equipment:manage')
  @Mutation(() => EquipmentCategoryView, { description: 'Rename or move a category.' })
  updateEquipmentCategory(
    @Arg('id', () => ID, { description: 'Category id.' }) id: string,
    @Arg('input', () => EquipmentCategoryInput, { description: 'The category.' }) input: EquipmentCategoryInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EquipmentCategoryView> {
    return this.catalogue.saveCategory(ctx.viewer!, id, input);
  }

  @Authorized('equipment:manage')
  @Mutation(() => EquipmentItemView, { description: 'Create an item; a taken item code is refused.' })
  createEquipmentItem(@Arg('input', () => CreateEquipmentItemInput, { description: 'The item.' }) input: CreateEquipmentItemInput, @Ctx() ctx: RequestContext): Promise<EquipmentItemView> {
    return this.catalogue.createItem(ctx.viewer!, input);
  }

  @Authorized('equipment:manage')
  @Mutation(() => EquipmentItemView, { description: 'Change an item; a stale version is a CONFLICT.' })
  updateEquipmentItem(
    @Arg('id', () => ID, { description: 'Item id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read.' }) expectedVersion: number,
    @Arg('input', () => UpdateEquipmentItemInput, { description: 'Fields to change.' }) input: UpdateEquipmentItemInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EquipmentItemView> {
    return this.catalogue.updateItem(ctx.viewer!, id, expectedVersion, input);
  }

  @Authorized('equipment:manage')
  @Mutation(() => EquipmentItemView, { description: 'Archive an item (it stays on past events) or take it out of the archive.' })
  setEquipmentItemArchived(
    @Arg('id', () => ID, { description: 'Item id.' }) id: string,
    @Arg('archived', () => Boolean, { description: 'True to archive.' }) archived: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<EquipmentItemView> {
    return this.catalogue.setItemArchived(ctx.viewer!, id, archived);
  }

  @Authorized('equipment:manage')
  @Mutation(() => EquipmentUnitView, { description: 'Add a unit to a serialised item; it gets its own QR code.' })
  addEquipmentUnit(
    @Arg('itemId', () => ID, { description: 'Item id.' }) itemId: string,
    @Arg('serial', () => String, { description: 'Serial number (unique per item).' }) serial: string,
    @Arg('notes', () => String, { nullable: true, description: 'Notes.' }) notes: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<EquipmentUnitView> {
    return this.catalogue.addUnit(ctx.viewer!, itemId, serial, notes);
  }

  @Authorized('equipment:manage')
  @Mutation(() => EquipmentCaseView, { description: 'Create a case holding the given units.' })
  createEquipmentCase(
    @Arg('name', () => String, { description: 'Name.' }) name: string,
    @Arg('unitIds', () => [ID], { description: 'Units in it.' }) unitIds: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<EquipmentCaseView> {
    return this.catalogue.createCase(ctx.viewer!, name, unitIds);
  }

  @Authorized('equipment:manage')
  @Mutation(() => EquipmentCaseView, { description: 'Set the units a case holds.' })
  setEquipmentCaseUnits(
    @Arg('caseId', () => ID, { description: 'Case id.' }) caseId: string,
    @Arg('unitIds', () => [ID], { description: 'Units in it.' }) unitIds: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<EquipmentCaseView> {
    return this.catalogue.setCaseUnits(ctx.viewer!, caseId, unitIds);
  }
}
