import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { DomainError, NotFoundError } from '../../common/errors.js';
import type { Viewer } from '../../graphql/context.js';
import { ProductionEvent } from '../events/production-event.entity.js';
import { ProductionEventStatus } from '../events/production-event-status.js';
import { CalendarChangeKind } from '../events/production-event.types.js';
import type { JournalInput, JournalService } from '../journal/journal.service.js';
import { EquipmentKind } from './equipment-catalogue.entity.js';
import { codeFromScan } from './equipment-catalogue.service.js';
import { busyRangeOf, checkId } from './event-equipment.service.js';
import type { WarehouseMoveInput } from './equipment.inputs.js';
import { MovementKind, MovementVia, ReturnCondition, type EquipmentItemRef, type EquipmentMovementView, type WarehouseScanResult, type WarehouseSheet } from './equipment.types.js';
import type { RepairService } from './repair.service.js';

/** Why a scan was refused; the web page colours and sounds by it. */
export type Refusal = 'UNKNOWN_CODE' | 'NOT_ON_LIST' | 'WRONG_EVENT' | 'ALREADY_OUT' | 'IN_REPAIR' | 'WRITTEN_OFF' | 'NOT_OUT' | 'TOO_MANY' | 'EVENT_CANCELLED' | 'NEEDS_UNIT';

function refuse(refusal: Refusal, message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', message, { refusal, fields: [{ field: 'code', message }] });
}

interface UnitRow {
  id: string;
  serial: string;
  item_id: string;
  code: string;
  name: string;
  kind: EquipmentKind;
  case_id: string | null;
  out_event_id: string | null;
  out_title: string | null;
  written_off_at: Date | null;
  repair_reason: string | null;
}

const UNIT_FOR_MOVE = `
  select u.id, u.serial, u.item_id, i.code, i.name, i.kind, u.case_id, u.out_event_id, oe.title as out_title, u.written_off_at,
         (select r.reason from repair r where r.unit_id = u.id and r.status = 'OPEN' limit 1) as repair_reason
    from equipment_unit u join equipment_item i on i.id = u.item_id left join production_event oe on oe.id = u.out_event_id`;

interface Moved {
  item: EquipmentItemRef;
  pieces: number;
  what: string[];
}

/**
 * Check-out and check-in (SPEC §3): by scanning a unit, a case or a bulk item's code, or by counts.
 * Each scan is validated against the event's packing list; every piece moved is a movement row,
 * and the event's journal gets one row per scan (its page and calendar update live).
 */
export class WarehouseService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
    private readonly repairs: RepairService,
  ) {}

  async sheet(eventId: string, em: EntityManager = this.orm.em.fork()): Promise<WarehouseSheet> {
    checkId(eventId, 'eventId', 'an event');
    const event = await em.findOne(ProductionEvent, eventId);
    if (!event) throw new NotFoundError('Event', eventId);
    const rows = await em.execute<Array<{ id: string; code: string; name: string; kind: EquipmentKind; planned: number; out: number; returned: number; damaged: number; missing: number }>>(
      `with items as (
         select item_id from event_equipment where event_id = ? union select item_id from equipment_movement where event_id = ? and kind in ('CHECK_OUT', 'CHECK_IN')
       )
       select i.id, i.code, i.name, i.kind,
              coalesce((select sum(quantity)::int from event_equipment l where l.event_id = ? and l.item_id = i.id), 0) as planned,
              coalesce(sum(m.quantity) filter (where m.kind = 'CHECK_OUT'), 0)::int as out,
              coalesce(sum(m.quantity) filter (where m.kind = 'CHECK_IN' and m.condition <> 'MISSING'), 0)::int as returned,
              coalesce(sum(m.quantity) filter (where m.kind = 'CHECK_IN' and m.condition = 'DAMAGED'), 0)::int as damaged,
              coalesce(sum(m.quantity) filter (where m.kind = 'CHECK_IN' and m.condition = 'MISSING'), 0)::int as missing
         from items x join equipment_item i on i.id = x.item_id
         left join equipment_movement m on m.event_id = ? and m.item_id = i.id and m.kind in ('CHECK_OUT', 'CHECK_IN')
        group by i.id, i.code, i.name, i.kind
        order by i.name`,
      [eventId, eventId, eventId, eventId],
    );
    const units = await em.execute<Array<{ item_id: string; id: string; serial: string; picked: boolean; out: boolean }>>(
      `select u.item_id, u.id, u.serial,
              exists (select 1 from event_equipment_unit p where p.event_id = ? and p.unit_id = u.id) as picked,
              u.out_event_id is not distinct from ?::uuid as out
         from equipment_unit u
        where u.id in (select unit_id from event_equipment_unit where event_id = ?
                       union select unit_id from equipment_movement where event_id = ? and unit_id is not null)
        order by u.serial`,
      [eventId, eventId, eventId, eventId],
    );
    return {
      event: { id: event.id, title: event.title, startDate: event.startDate, endDate: event.endDate, status: event.status },
      lines: rows.map((row) => ({
        item: { id: row.id, code: row.code, name: row.name, kind: row.kind },
        planned: row.planned,
        out: row.out,
        returned: row.returned,
        damaged: row.damaged,
        missing: row.missing,
        outstanding: row.out - row.returned - row.missing,
        units: units.filter((u) => u.item_id === row.id).map((u) => ({ unit: { id: u.id, serial: u.serial }, picked: u.picked, out: u.out })),
      })),
    };
  }

  async movementsOf(filter: { eventId?: string; unitId?: string; itemId?: string }, limit = 200): Promise<EquipmentMovementView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [field, column, what] of [['eventId', 'm.event_id', 'an event'], ['unitId', 'm.unit_id', 'a unit'], ['itemId', 'm.item_id', 'an item']] as const) {
      const value = filter[field];
      if (!value) continue;
      checkId(value, field, what);
      where.push(`${column} = ?`);
      params.push(value);
    }
    const rows = await this.orm.em.fork().execute<Array<Record<string, any>>>(
      `select m.id, m.at, m.kind, m.quantity, m.via, m.condition, m.note,
              a.id as a_id, a.name as a_name, a.phone as a_phone,
              i.id as i_id, i.code as i_code, i.name as i_name, i.kind as i_kind,
              u.id as u_id, u.serial as u_serial, k.name as case_name,
              e.id as e_id, e.title as e_title, e.start_date::text as e_start, e.end_date::text as e_end, e.status as e_status
         from equipment_movement m
         join equipment_item i on i.id = m.item_id
         left join app_user a on a.id = m.actor_id
         left join equipment_unit u on u.id = m.unit_id
         left join equipment_case k on k.id = m.case_id
         left join production_event e on e.id = m.event_id
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by m.id desc limit ?`,
      [...params, Math.min(Math.max(limit, 1), 1000)],
    );
    return rows.map((row) => ({
      id: String(row.id),
      at: new Date(row.at),
      actor: row.a_id ? { id: row.a_id, name: row.a_name, phone: row.a_phone } : null,
      kind: row.kind,
      item: { id: row.i_id, code: row.i_code, name: row.i_name, kind: row.i_kind },
      unit: row.u_id ? { id: row.u_id, serial: row.u_serial } : null,
      caseName: row.case_name,
      event: row.e_id ? { id: row.e_id, title: row.e_title, startDate: row.e_start, endDate: row.e_end, status: row.e_status } : null,
      quantity: row.quantity,
      via: row.via,
      condition: row.condition,
      note: row.note,
    }));
  }

  checkOut(viewer: Viewer, input: WarehouseMoveInput): Promise<WarehouseScanResult> {
    return this.move(viewer, input, 'out');
  }

  checkIn(viewer: Viewer, input: WarehouseMoveInput): Promise<WarehouseScanResult> {
    return this.move(viewer, input, 'in');
  }

  private async move(viewer: Viewer, input: WarehouseMoveInput, direction: 'out' | 'in'): Promise<WarehouseScanResult> {
    checkId(input.eventId, 'eventId', 'an event');
    const via = input.via ?? (input.code ? MovementVia.SCAN : MovementVia.MANUAL);
    const condition = direction === 'in' ? (input.condition ?? ReturnCondition.OK) : null;
    if (!input.code && !input.itemId) throw refuse('UNKNOWN_CODE', 'Scan a code or choose an item.');
    const moved = await this.journal.record(async (em) => {
      const event = await em.findOne(ProductionEvent, input.eventId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!event || event.deletedAt) throw new NotFoundError('Event', input.eventId);
      if (direction === 'out' && event.status === ProductionEventStatus.CANCELLED) throw refuse('EVENT_CANCELLED', `"${event.title}" is cancelled: nothing can be checked out to it.`);
      const journal: JournalInput[] = [];
      let result: Moved;
      const code = input.code ? codeFromScan(input.code) : null;
      const units = code ? await em.execute<UnitRow[]>(`${UNIT_FOR_MOVE} where u.qr_code = ? for update of u`, [code]) : [];
      if (units.length) {
        result = await this.moveUnits(em, viewer, event, units, null, direction, via, condition, input.note ?? null, journal);
      } else {
        const [found] = code ? await em.execute<Array<{ id: string; name: string }>>('select id, name from equipment_case where qr_code = ?', [code]) : [];
        if (found) {
          const content = await em.execute<UnitRow[]>(`${UNIT_FOR_MOVE} where u.case_id = ? and u.written_off_at is null order by u.serial for update of u`, [found.id]);
          if (!content.length) throw refuse('NOT_ON_LIST', `Case "${found.name}" is empty.`);
          result = await this.moveUnits(em, viewer, event, content, found, direction, via, condition, input.note ?? null, journal);
        } else {
          const [item] = await em.execute<Array<{ id: string; code: string; name: string; kind: EquipmentKind }>>(
            code ? 'select id, code, name, kind from equipment_item where qr_code = ? for update' : 'select id, code, name, kind from equipment_item where id = ? for update',
            [code ?? input.itemId],
          );
          if (!item) throw refuse('UNKNOWN_CODE', code ? `No unit, case or item has the code "${code}".` : 'This is not an item of the catalogue.');
          if (item.kind === EquipmentKind.SERIALISED) throw refuse('NEEDS_UNIT', `"${item.name}" is serialised: scan each unit's own label.`);
          result = await this.moveBulk(em, viewer, event, item, input.quantity ?? 1, direction, via, condition, input.note ?? null, journal);
        }
      }
      const range = busyRangeOf(event);
      const verb = direction === 'out' ? 'checked out to' : 'checked in from';
      journal.unshift({
        actor: viewer,
        action: direction === 'out' ? 'equipment.check_out' : 'equipment.check_in',
        objectType: 'ProductionEvent',
        objectId: event.id,
        summary: `${result.what.join(', ')} ${verb} "${event.title}"${condition && condition !== ReturnCondition.OK ? ` (${condition.toLowerCase()})` : ''}`,
        changes: [{ field: `${direction}:${result.item.code}`, oldValue: null, newValue: result.pieces }],
        context: { kind: CalendarChangeKind.UPDATED, title: event.title, busy: { before: range, after: range }, via },
      });
      return { result, journal };
    });
    const verb = direction === 'out' ? 'out' : 'in';
    return { message: `${moved.what.join(', ')}: ${verb}`, item: moved.item, moved: moved.pieces, sheet: await this.sheet(input.eventId) };
  }

  private async moveUnits(
    em: EntityManager,
    viewer: Viewer,
    event: ProductionEvent,
    units: UnitRow[],
    viaCase: { id: string; name: string } | null,
    direction: 'out' | 'in',
    via: MovementVia,
    condition: ReturnCondition | null,
    note: string | null,
    journal: JournalInput[],
  ): Promise<Moved> {
    for (const unit of units) {
      const label = `${unit.name} ${unit.serial}`;
      if (unit.written_off_at) throw refuse('WRITTEN_OFF', `${label} is written off.`);
      if (direction === 'out') {
        if (unit.repair_reason) throw refuse('IN_REPAIR', `${label} is in repair (${unit.repair_reason}).`);
        if (unit.out_event_id === event.id) throw refuse('ALREADY_OUT', `${label} is already checked out to this event.`);
        if (unit.out_event_id) throw refuse('ALREADY_OUT', `${label} is already out with "${unit.out_title}".`);
        const [plan] = await em.execute<Array<{ planned: number; picked: number; mine: boolean; out: number }>>(
          `select coalesce((select sum(quantity)::int from event_equipment where event_id = ? and item_id = ?), 0) as planned,
                  (select count(*)::int from event_equipment_unit where event_id = ? and item_id = ?) as picked,
                  exists (select 1 from event_equipment_unit where event_id = ? and unit_id = ?) as mine,
                  (select count(*)::int from equipment_unit where out_event_id = ? and item_id = ?) as out`,
          [event.id, unit.item_id, event.id, unit.item_id, event.id, unit.id, event.id, unit.item_id],
        );
        if (plan.planned === 0 || (plan.picked > 0 && !plan.mine)) {
          const [elsewhere] = await em.execute<Array<{ title: string }>>(
            `select e.title from event_equipment_unit p join production_event e on e.id = p.event_id
              where p.unit_id = ? and p.event_id <> ? and e.deleted_at is null and e.status <> 'cancelled' limit 1`,
            [unit.id, event.id],
          );
          if (elsewhere) throw refuse('WRONG_EVENT', `${label} is picked for "${elsewhere.title}", not for this event.`);
          throw refuse('NOT_ON_LIST', plan.planned === 0 ? `${unit.name} is not on the packing list of "${event.title}".` : `${label} is not among the units picked for this event.`);
        }
        const movingNow = units.filter((u) => u.item_id === unit.item_id).length;
        if (plan.out + movingNow > plan.planned) throw refuse('TOO_MANY', `All ${plan.planned} planned ${unit.name} are already out.`);
      } else {
        if (!unit.out_event_id) throw refuse('NOT_OUT', `${label} is in the store: it was not checked out.`);
        if (unit.out_event_id !== event.id) throw refuse('WRONG_EVENT', `${label} is out with "${unit.out_title}", not with this event.`);
      }
    }
    for (const unit of units) {
      await em.execute('update equipment_unit set out_event_id = ?, version = version + 1 where id = ?', [direction === 'out' ? event.id : null, unit.id]);
      await this.record(em, viewer, direction, unit.item_id, unit.id, viaCase?.id ?? null, event.id, 1, via, condition, note);
      if (direction === 'in') await this.afterReturn(em, viewer, event, { id: unit.item_id, code: unit.code, name: unit.name, kind: unit.kind }, unit, 1, condition, note, journal);
    }
    const first = units[0];
    return {
      item: { id: first.item_id, code: first.code, name: first.name, kind: first.kind },
      pieces: units.length,
      what: viaCase ? [`Case "${viaCase.name}" (${units.map((u) => `${u.name} ${u.serial}`).join(', ')})`] : units.map((u) => `${u.name} ${u.serial}`),
    };
  }

  private async moveBulk(
    em: EntityManager,
    viewer: Viewer,
    event: ProductionEvent,
    item: EquipmentItemRef,
    quantity: number,
    direction: 'out' | 'in',
    via: MovementVia,
    condition: ReturnCondition | null,
    note: string | null,
    journal: JournalInput[],
  ): Promise<Moved> {
    const [state] = await em.execute<Array<{ planned: number; out: number; back: number }>>(
      `select coalesce((select sum(quantity)::int from event_equipment where event_id = ? and item_id = ?), 0) as planned,
              coalesce((select sum(quantity)::int from equipment_movement where event_id = ? and item_id = ? and kind = 'CHECK_OUT'), 0) as out,
              coalesce((select sum(quantity)::int from equipment_movement where event_id = ? and item_id = ? and kind = 'CHECK_IN'), 0) as back`,
      [event.id, item.id, event.id, item.id, event.id, item.id],
    );
    const outNow = state.out - state.back;
    if (direction === 'out') {
      if (state.planned === 0) throw refuse('NOT_ON_LIST', `${item.name} is not on the packing list of "${event.title}".`);
      if (outNow + quantity > state.planned) throw refuse('TOO_MANY', `${item.name}: ${state.planned} planned, ${outNow} already out — ${quantity} more is too many.`);
      const [{ in_repair, owned, elsewhere }] = await em.execute<Array<{ owned: number; in_repair: number; elsewhere: number }>>(
        `select i.quantity as owned,
                coalesce((select sum(r.quantity)::int from repair r where r.item_id = i.id and r.status = 'OPEN'), 0) as in_repair,
                coalesce((select sum(case when m.kind = 'CHECK_OUT' then m.quantity else -m.quantity end)::int
                            from equipment_movement m where m.item_id = i.id and m.kind in ('CHECK_OUT', 'CHECK_IN') and m.event_id <> ?), 0) as elsewhere
           from equipment_item i where i.id = ?`,
        [event.id, item.id],
      );
      const inStore = owned - in_repair - Math.max(0, elsewhere) - outNow;
      if (quantity > inStore) throw refuse(in_repair > 0 ? 'IN_REPAIR' : 'ALREADY_OUT', `${item.name}: only ${Math.max(0, inStore)} in the store (${in_repair} in repair, ${Math.max(0, elsewhere)} out with other events).`);
    } else if (quantity > outNow) {
      throw refuse('NOT_OUT', `${item.name}: only ${outNow} out with this event.`);
    }
    await this.record(em, viewer, direction, item.id, null, null, event.id, quantity, via, condition, note);
    if (direction === 'in') await this.afterReturn(em, viewer, event, item, null, quantity, condition, note, journal);
    return { item, pieces: quantity, what: [`${item.name} × ${quantity}`] };
  }

  /** Damaged gear goes to repair (routed); missing gear is written off. */
  private async afterReturn(
    em: EntityManager,
    viewer: Viewer,
    event: ProductionEvent,
    item: EquipmentItemRef,
    unit: { id: string } | null,
    quantity: number,
    condition: ReturnCondition | null,
    note: string | null,
    journal: JournalInput[],
  ): Promise<void> {
    if (condition === ReturnCondition.DAMAGED) {
      const opened = await this.repairs.openIn(em, viewer, { itemId: item.id, unitId: unit?.id ?? null, quantity, reason: note?.trim() || `Damaged at "${event.title}"`, problemKind: 'damage', eventId: event.id });
      journal.push(...opened.journal);
    } else if (condition === ReturnCondition.MISSING) {
      if (unit) await em.execute('update equipment_unit set written_off_at = now() where id = ?', [unit.id]);
      else await em.execute('update equipment_item set quantity = greatest(0, quantity - ?), version = version + 1 where id = ?', [quantity, item.id]);
      await em.execute(`insert into equipment_movement (actor_id, kind, item_id, unit_id, event_id, quantity, via, note) values (?, 'WRITE_OFF', ?, ?, ?, ?, 'MANUAL', ?)`, [
        viewer.id,
        item.id,
        unit?.id ?? null,
        event.id,
        quantity,
        note?.trim() || `Missing after "${event.title}"`,
      ]);
    }
  }

  private async record(em: EntityManager, viewer: Viewer, direction: 'out' | 'in', itemId: string, unitId: string | null, caseId: string | null, eventId: string, quantity: number, via: MovementVia, condition: ReturnCondition | null, note: string | null) {
    await em.execute(
      `insert into equipment_movement (actor_id, kind, item_id, unit_id, case_id, event_id, quantity, via, condition, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [viewer.id, direction === 'out' ? MovementKind.CHECK_OUT : MovementKind.CHECK_IN, itemId, unitId, caseId, eventId, quantity, via, condition, note?.trim() || null],
    );
  }
}
