import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import { runQueries } from '../../database/orm.js';
import { addDays, isCalendarDate, type CalendarDate } from '../../common/calendar-dates.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors.js';
import type { Viewer } from '../../graphql/context.js';
import { ProductionEvent } from '../events/production-event.entity.js';
import { CalendarChangeKind } from '../events/production-event.types.js';
import type { JournalInput, JournalService } from '../journal/journal.service.js';
import type { CompanySettings } from '../settings/company-settings.entity.js';
import type { SettingsService } from '../settings/settings.service.js';
import { availabilityOf, findShortages } from './equipment-availability.js';
import { EquipmentKind } from './equipment-catalogue.entity.js';
import type { EquipmentShortageGuard } from './equipment-shortage.guard.js';
import type { SubRentalInput } from './equipment.inputs.js';
import { EquipmentLineKind, type EquipmentItemRef, type EventEquipment, type EventEquipmentLine, type EventEquipmentResult, type EventSubRentalView } from './equipment.types.js';

export const MAX_LINE_QUANTITY = 100_000;

type Range = [CalendarDate, CalendarDate];

export function busyRangeOf(event: Pick<ProductionEvent, 'startDate' | 'endDate' | 'prepDays' | 'returnDays'>): Range {
  return [addDays(event.startDate, -event.prepDays), addDays(event.endDate, event.returnDays)];
}

export function checkId(id: string, field: string, what: string): void {
  if (!isUUID(id)) throw new BadUserInputError([{ field, message: `is not ${what} id` }]);
}

/** Who may change an event's gear: its editors (as for the event itself) and the storekeeper. */
export function requireGearEditor(viewer: Viewer, event: ProductionEvent): void {
  if (viewer.permissions.has('event:update-any') || viewer.permissions.has('equipment:manage')) return;
  const own = event.manager?.id === viewer.id || event.createdBy?.id === viewer.id;
  if (own && viewer.permissions.has('event:create')) return;
  throw new ForbiddenError('You need the "event:update-any" permission to change the gear of events you do not manage.', 'event:update-any');
}

interface ItemRow {
  id: string;
  code: string;
  name: string;
  kind: EquipmentKind;
  archived_at: Date | null;
}

interface GearChange {
  action: string;
  summary: string;
  changes: JournalInput['changes'];
  /** False when the change can only lower reservations (remove, sub-rent, pick units). */
  mayRaise: boolean;
}

/**
 * An event's own gear (planned lines, picked units, extra deliveries) and sub-rentals. Every change
 * locks the event, compares shortages around it before and after, applies the equipment
 * double-booking policy and journals the change on the event, naming the other events whose
 * shortages changed so their calendars update live too.
 */
export class EventEquipmentService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
    private readonly settings: SettingsService,
    private readonly guard: EquipmentShortageGuard,
  ) {}

  async get(eventId: string, em: EntityManager = this.orm.em.fork()): Promise<EventEquipment> {
    checkId(eventId, 'eventId', 'an event');
    const event = await em.findOne(ProductionEvent, eventId);
    if (!event) throw new NotFoundError('Event', eventId);
    const [lineRows, picks, rentals, shortages] = await runQueries(em, [
      () =>
        em.execute<Array<{ id: string; item_id: string; code: string; name: string; kind: EquipmentKind; line_kind: EquipmentLineKind; quantity: number; reason: string | null; delivery_date: string | null }>>(
          `select l.id, l.item_id, i.code, i.name, i.kind, l.kind as line_kind, l.quantity, l.reason, l.delivery_date::text as delivery_date
             from event_equipment l join equipment_item i on i.id = l.item_id
            where l.event_id = ? order by l.kind, l.delivery_date nulls first, i.name, l.created_at`,
          [eventId],
        ),
      () =>
        em.execute<Array<{ item_id: string; id: string; serial: string }>>(
          `select p.item_id, u.id, u.serial from event_equipment_unit p join equipment_unit u on u.id = p.unit_id where p.event_id = ? order by u.serial`,
          [eventId],
        ),
      () =>
        em.execute<Array<{ id: string; supplier: string; item_id: string | null; code: string | null; name: string | null; kind: EquipmentKind | null; description: string | null; quantity: number; cost: string | null; from_date: string; to_date: string; version: number }>>(
          `select s.id, s.supplier, s.item_id, i.code, i.name, i.kind, s.description, s.quantity, s.cost, s.from_date::text as from_date, s.to_date::text as to_date, s.version
             from event_subrental s left join equipment_item i on i.id = s.item_id
            where s.event_id = ? order by s.from_date, s.created_at`,
          [eventId],
        ),
      () => findShortages(em, [eventId]),
    ]);
    const [from, to] = busyRangeOf(event);
    const itemIds = [...new Set(lineRows.map((row) => row.item_id))];
    const availability = await availabilityOf(em, itemIds, from, to, eventId);
    const lines: EventEquipmentLine[] = lineRows.map((row) => ({
      id: row.id,
      item: { id: row.item_id, code: row.code, name: row.name, kind: row.kind },
      kind: row.line_kind,
      quantity: row.quantity,
      reason: row.reason,
      deliveryDate: row.delivery_date,
      pickedUnits: row.line_kind === EquipmentLineKind.PLANNED ? picks.filter((p) => p.item_id === row.item_id).map((p) => ({ id: p.id, serial: p.serial })) : [],
    }));
    const subRentals: EventSubRentalView[] = rentals.map((row) => ({
      id: row.id,
      supplier: row.supplier,
      item: row.item_id ? { id: row.item_id, code: row.code!, name: row.name!, kind: row.kind! } : null,
      description: row.description,
      quantity: row.quantity,
      cost: row.cost === null ? null : Number(row.cost),
      fromDate: row.from_date,
      toDate: row.to_date,
      version: row.version,
    }));
    return {
      eventId,
      lines: lines.filter((line) => line.kind === EquipmentLineKind.PLANNED),
      extraDeliveries: lines.filter((line) => line.kind === EquipmentLineKind.EXTRA),
      subRentals,
      availability,
      shortages,
    };
  }

  /** Sets the planned quantity of an item on an event; 0 removes the line (and its picked units). */
  async setLine(viewer: Viewer, eventId: string, itemId: string, quantity: number, overrideReason?: string | null): Promise<EventEquipmentResult> {
    checkId(itemId, 'itemId', 'an item');
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_LINE_QUANTITY) {
      throw new BadUserInputError([{ field: 'quantity', message: `must be a whole number from 0 to ${MAX_LINE_QUANTITY}` }]);
    }
    return this.change(viewer, eventId, overrideReason, [itemId], async (em, event) => {
      const item = await this.item(em, itemId);
      const [existing] = await em.execute<Array<{ quantity: number }>>(`select quantity from event_equipment where event_id = ? and item_id = ? and kind = 'PLANNED'`, [eventId, itemId]);
      const old = existing?.quantity ?? 0;
      if (old === quantity) return null;
      if (quantity === 0) {
        await em.execute('delete from event_equipment_unit where event_id = ? and item_id = ?', [eventId, itemId]);
        await em.execute(`delete from event_equipment where event_id = ? and item_id = ? and kind = 'PLANNED'`, [eventId, itemId]);
      } else {
        if (item.archived_at && !existing) throw new BadUserInputError([{ field: 'itemId', message: `"${item.name}" is archived` }]);
        const [{ picked }] = await em.execute<Array<{ picked: number }>>('select count(*)::int as picked from event_equipment_unit where event_id = ? and item_id = ?', [eventId, itemId]);
        if (picked > quantity) throw new BadUserInputError([{ field: 'quantity', message: `${picked} units of "${item.name}" are picked; unpick some before lowering to ${quantity}` }]);
        await em.execute(
          `insert into event_equipment (event_id, item_id, kind, quantity, created_by) values (?, ?, 'PLANNED', ?, ?)
           on conflict (event_id, item_id) where kind = 'PLANNED' do update set quantity = excluded.quantity`,
          [eventId, itemId, quantity, viewer.id],
        );
      }
      return {
        action: quantity === 0 ? 'equipment.line_remove' : old === 0 ? 'equipment.line_add' : 'equipment.line_change',
        summary: quantity === 0 ? `${item.name} removed from "${event.title}"` : `${item.name} × ${quantity} on "${event.title}"${old ? ` (was ${old})` : ''}`,
        changes: [{ field: `equipment:${item.code}`, oldValue: old, newValue: quantity }],
        mayRaise: quantity > old,
      };
    });
  }

  /** Picks the units of a serialised item that go to the event (replacing the previous pick). */
  async pickUnits(viewer: Viewer, eventId: string, itemId: string, unitIds: readonly string[]): Promise<EventEquipmentResult> {
    checkId(itemId, 'itemId', 'an item');
    unitIds.forEach((id) => checkId(id, 'unitIds', 'a unit'));
    const wanted = [...new Set(unitIds)];
    return this.change(viewer, eventId, null, [itemId], async (em, event) => {
      const item = await this.item(em, itemId);
      if (item.kind !== EquipmentKind.SERIALISED) throw new BadUserInputError([{ field: 'itemId', message: `"${item.name}" is a bulk item: it has no units to pick` }]);
      const [line] = await em.execute<Array<{ quantity: number }>>(`select quantity from event_equipment where event_id = ? and item_id = ? and kind = 'PLANNED'`, [eventId, itemId]);
      if (!line) throw new BadUserInputError([{ field: 'itemId', message: `"${item.name}" is not on this event's list` }]);
      if (wanted.length > line.quantity) throw new BadUserInputError([{ field: 'unitIds', message: `${wanted.length} units picked but only ${line.quantity} planned` }]);
      const units = await em.execute<Array<{ id: string; serial: string; item_id: string; written_off_at: Date | null }>>(
        'select id, serial, item_id, written_off_at from equipment_unit where id in (select unnest(?::uuid[]))',
        [`{${wanted.join(',')}}`],
      );
      for (const id of wanted) {
        const unit = units.find((u) => u.id === id);
        if (!unit || unit.item_id !== itemId) throw new BadUserInputError([{ field: 'unitIds', message: `${id} is not a unit of "${item.name}"` }]);
        if (unit.written_off_at) throw new BadUserInputError([{ field: 'unitIds', message: `unit ${unit.serial} is written off` }]);
      }
      const [busyElsewhere] = await em.execute<Array<{ serial: string; title: string }>>(
        `select u.serial, e.title from event_equipment_unit p
           join equipment_unit u on u.id = p.unit_id
           join production_event e on e.id = p.event_id
          where p.unit_id in (select unnest(?::uuid[])) and p.event_id <> ? and e.deleted_at is null and e.status <> 'cancelled'
            and e.busy_days && (select busy_days from production_event where id = ?)
          limit 1`,
        [`{${wanted.join(',')}}`, eventId, eventId],
      );
      if (busyElsewhere) throw new BadUserInputError([{ field: 'unitIds', message: `unit ${busyElsewhere.serial} is already picked for "${busyElsewhere.title}" on overlapping days` }]);
      const before = await em.execute<Array<{ serial: string }>>(
        'select u.serial from event_equipment_unit p join equipment_unit u on u.id = p.unit_id where p.event_id = ? and p.item_id = ? order by u.serial',
        [eventId, itemId],
      );
      const after = units.map((u) => u.serial).sort();
      if (before.map((b) => b.serial).join() === after.join()) return null;
      await em.execute('delete from event_equipment_unit where event_id = ? and item_id = ?', [eventId, itemId]);
      if (wanted.length) {
        await em.execute('insert into event_equipment_unit (event_id, unit_id, item_id) select ?, id, ? from unnest(?::uuid[]) as id', [eventId, itemId, `{${wanted.join(',')}}`]);
      }
      return {
        action: 'equipment.units_pick',
        summary: `Units of ${item.name} picked for "${event.title}": ${after.join(', ') || 'none'}`,
        changes: [{ field: `units:${item.code}`, oldValue: before.map((b) => b.serial), newValue: after }],
        mayRaise: false,
      };
    });
  }

  async addExtraDelivery(viewer: Viewer, eventId: string, itemId: string, quantity: number, reason: string, date: CalendarDate, overrideReason?: string | null): Promise<EventEquipmentResult> {
    checkId(itemId, 'itemId', 'an item');
    const problems = [];
    if (!reason?.trim()) problems.push({ field: 'reason', message: 'is required: say why the gear is brought later' });
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) problems.push({ field: 'quantity', message: `must be a whole number from 1 to ${MAX_LINE_QUANTITY}` });
    if (!isCalendarDate(date)) problems.push({ field: 'date', message: 'is not a date' });
    if (problems.length) throw new BadUserInputError(problems);
    return this.change(viewer, eventId, overrideReason, [itemId], async (em, event) => {
      const item = await this.item(em, itemId);
      if (item.archived_at) throw new BadUserInputError([{ field: 'itemId', message: `"${item.name}" is archived` }]);
      const [from, to] = busyRangeOf(event);
      if (date < from || date > to) throw new BadUserInputError([{ field: 'date', message: `must be within the event's days (${from} – ${to})` }]);
      await em.execute(
        `insert into event_equipment (event_id, item_id, kind, quantity, reason, delivery_date, created_by) values (?, ?, 'EXTRA', ?, ?, ?, ?)`,
        [eventId, itemId, quantity, reason.trim(), date, viewer.id],
      );
      return {
        action: 'equipment.extra_delivery',
        summary: `Extra delivery to "${event.title}" on ${date}: ${item.name} × ${quantity} — ${reason.trim()}`,
        changes: [{ field: `extra:${item.code}`, oldValue: null, newValue: { quantity, reason: reason.trim(), date } }],
        mayRaise: true,
      };
    });
  }

  async removeExtraDelivery(viewer: Viewer, lineId: string): Promise<EventEquipmentResult> {
    checkId(lineId, 'id', 'an extra delivery');
    const [line] = await this.orm.em.fork().execute<Array<{ event_id: string }>>(`select event_id from event_equipment where id = ? and kind = 'EXTRA'`, [lineId]);
    if (!line) throw new NotFoundError('ExtraDelivery', lineId);
    return this.change(viewer, line.event_id, null, [], async (em, event) => {
      const [row] = await em.execute<Array<{ code: string; name: string; quantity: number; reason: string; delivery_date: string }>>(
        `delete from event_equipment l using equipment_item i where l.id = ? and l.kind = 'EXTRA' and i.id = l.item_id
         returning i.code, i.name, l.quantity, l.reason, l.delivery_date::text as delivery_date`,
        [lineId],
      );
      if (!row) throw new NotFoundError('ExtraDelivery', lineId);
      return {
        action: 'equipment.extra_delivery_remove',
        summary: `Extra delivery of ${row.name} × ${row.quantity} removed from "${event.title}"`,
        changes: [{ field: `extra:${row.code}`, oldValue: { quantity: row.quantity, reason: row.reason, date: row.delivery_date }, newValue: null }],
        mayRaise: false,
      };
    });
  }

  async addSubRental(viewer: Viewer, eventId: string, input: SubRentalInput): Promise<EventEquipmentResult> {
    this.checkSubRental(input);
    return this.change(viewer, eventId, null, input.itemId ? [input.itemId] : [], async (em, event) => {
      const item = input.itemId ? await this.item(em, input.itemId) : null;
      await em.execute(
        `insert into event_subrental (event_id, supplier, item_id, description, quantity, cost, from_date, to_date, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [eventId, input.supplier.trim(), input.itemId ?? null, input.description?.trim() || null, input.quantity, input.cost ?? null, input.fromDate, input.toDate, viewer.id],
      );
      const what = item?.name ?? input.description!.trim();
      return {
        action: 'equipment.subrental_add',
        summary: `Sub-rented for "${event.title}": ${what} × ${input.quantity} from ${input.supplier.trim()}`,
        changes: [{ field: 'subrental', oldValue: null, newValue: subRentalValue(input, what) }],
        mayRaise: false,
      };
    });
  }

  async updateSubRental(viewer: Viewer, id: string, expectedVersion: number, input: SubRentalInput): Promise<EventEquipmentResult> {
    checkId(id, 'id', 'a sub-rental');
    this.checkSubRental(input);
    const eventId = await this.subRentalEvent(id);
    return this.change(viewer, eventId, null, input.itemId ? [input.itemId] : [], async (em, event) => {
      const [current] = await em.execute<Array<{ version: number; supplier: string; item_id: string | null; description: string | null; quantity: number; cost: string | null; from_date: string; to_date: string; name: string | null }>>(
        `select s.version, s.supplier, s.item_id, s.description, s.quantity, s.cost, s.from_date::text as from_date, s.to_date::text as to_date, i.name
           from event_subrental s left join equipment_item i on i.id = s.item_id where s.id = ? for update of s`,
        [id],
      );
      if (!current) throw new NotFoundError('SubRental', id);
      if (current.version !== expectedVersion) {
        throw new ConflictError('Someone else changed this sub-rental since you opened it.', { currentVersion: current.version });
      }
      const item = input.itemId ? await this.item(em, input.itemId) : null;
      await em.execute(
        `update event_subrental set supplier = ?, item_id = ?, description = ?, quantity = ?, cost = ?, from_date = ?, to_date = ?, version = version + 1 where id = ?`,
        [input.supplier.trim(), input.itemId ?? null, input.description?.trim() || null, input.quantity, input.cost ?? null, input.fromDate, input.toDate, id],
      );
      const what = item?.name ?? input.description!.trim();
      const old = { supplier: current.supplier, what: current.name ?? current.description, quantity: current.quantity, cost: current.cost === null ? null : Number(current.cost), fromDate: current.from_date, toDate: current.to_date };
      return {
        action: 'equipment.subrental_change',
        summary: `Sub-rental on "${event.title}" changed: ${what} × ${input.quantity} from ${input.supplier.trim()}`,
        changes: [{ field: 'subrental', oldValue: old, newValue: subRentalValue(input, what) }],
        // Less sub-rented gear can create a shortage.
        mayRaise: true,
      };
    });
  }

  async removeSubRental(viewer: Viewer, id: string): Promise<EventEquipmentResult> {
    checkId(id, 'id', 'a sub-rental');
    const eventId = await this.subRentalEvent(id);
    return this.change(viewer, eventId, null, [], async (em, event) => {
      const [row] = await em.execute<Array<{ supplier: string; quantity: number; what: string }>>(
        `delete from event_subrental s where s.id = ? returning s.supplier, s.quantity, coalesce((select name from equipment_item where id = s.item_id), s.description) as what`,
        [id],
      );
      if (!row) throw new NotFoundError('SubRental', id);
      return {
        action: 'equipment.subrental_remove',
        summary: `Sub-rental of ${row.what} × ${row.quantity} from ${row.supplier} removed from "${event.title}"`,
        changes: [{ field: 'subrental', oldValue: { supplier: row.supplier, what: row.what, quantity: row.quantity }, newValue: null }],
        mayRaise: true,
      };
    });
  }

  private async change(
    viewer: Viewer,
    eventId: string,
    overrideReason: string | null | undefined,
    itemIds: string[],
    work: (em: EntityManager, event: ProductionEvent, settings: CompanySettings) => Promise<GearChange | null>,
  ): Promise<EventEquipmentResult> {
    checkId(eventId, 'eventId', 'an event');
    const reason = overrideReason?.trim() || null;
    const shortages = await this.journal.record(async (em) => {
      const settings = await this.settings.get(em);
      const event = await em.findOne(ProductionEvent, eventId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!event || event.deletedAt) throw new NotFoundError('Event', eventId);
      requireGearEditor(viewer, event);
      const range = busyRangeOf(event);
      const before = await this.guard.before(em, eventId, [range], itemIds);
      const outcome = await work(em, event, settings);
      if (!outcome) return { result: [], journal: [] };
      await em.flush();
      const policy = settings.equipmentDoubleBooking;
      const gear = await this.guard.after(em, eventId, [range], before, { itemIds, policy, overrideReason: reason, mayRaise: outcome.mayRaise });
      const entry: JournalInput = {
        actor: viewer,
        action: outcome.action,
        objectType: 'ProductionEvent',
        objectId: eventId,
        summary: outcome.summary + (reason && gear.raised.length ? ` (shortage accepted: ${reason})` : ''),
        changes: outcome.changes,
        context: {
          kind: CalendarChangeKind.UPDATED,
          title: event.title,
          busy: { before: range, after: range },
          affected: gear.affected,
          ...(gear.raised.length ? { shortages: gear.raised, policy } : {}),
          ...(reason && gear.raised.length ? { overrideReason: reason } : {}),
        },
      };
      return { result: gear.raised, journal: [entry] };
    });
    return { equipment: await this.get(eventId), shortages };
  }

  private async item(em: EntityManager, itemId: string): Promise<ItemRow & EquipmentItemRef> {
    const [item] = await em.execute<ItemRow[]>('select id, code, name, kind, archived_at from equipment_item where id = ?', [itemId]);
    if (!item) throw new BadUserInputError([{ field: 'itemId', message: 'is not an item of the catalogue' }]);
    return item;
  }

  private checkSubRental(input: SubRentalInput): void {
    const problems = [];
    if (!input.supplier?.trim()) problems.push({ field: 'supplier', message: 'is required' });
    if (!input.itemId && !input.description?.trim()) problems.push({ field: 'description', message: 'name the gear: an item of the catalogue or a description' });
    if (!isCalendarDate(input.fromDate)) problems.push({ field: 'fromDate', message: 'is not a date' });
    if (!isCalendarDate(input.toDate)) problems.push({ field: 'toDate', message: 'is not a date' });
    else if (isCalendarDate(input.fromDate) && input.toDate < input.fromDate) problems.push({ field: 'toDate', message: 'is before fromDate' });
    if (input.itemId) checkId(input.itemId, 'itemId', 'an item');
    if (problems.length) throw new BadUserInputError(problems);
  }

  private async subRentalEvent(id: string): Promise<string> {
    const [row] = await this.orm.em.fork().execute<Array<{ event_id: string }>>('select event_id from event_subrental where id = ?', [id]);
    if (!row) throw new NotFoundError('SubRental', id);
    return row.event_id;
  }
}

function subRentalValue(input: SubRentalInput, what: string) {
  return { supplier: input.supplier.trim(), what, quantity: input.quantity, cost: input.cost ?? null, fromDate: input.fromDate, toDate: input.toDate };
}
