import { LockMode, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../common/errors.js';
import type { Viewer } from '../../graphql/context.js';
import type { JournalInput, JournalService } from '../journal/journal.service.js';
import { User } from '../staff/user.entity.js';
import { ProductionEvent } from '../events/production-event.entity.js';
import { EquipmentCategory, EquipmentItem, EquipmentKind, EquipmentUnit } from './equipment-catalogue.entity.js';
import { SUPPLY_OF_ITEM, withStockChange } from './equipment-availability.js';
import { checkId } from './event-equipment.service.js';
import type { OpenRepairInput } from './equipment.inputs.js';
import { MovementKind, type RepairNotification, type RepairRuleView, type RepairView } from './equipment.types.js';
import { Repair, RepairRule, RepairStatus } from './repair.entity.js';

export interface RepairOpening {
  itemId: string;
  unitId: string | null;
  quantity: number;
  reason: string;
  problemKind: string;
  eventId?: string | null;
}

const REPAIR_SELECT = `
  select r.id, r.quantity, r.reason, r.problem_kind, r.status, r.opened_at, r.closed_at, r.close_note, r.version,
         i.id as item_id, i.code as item_code, i.name as item_name, i.kind as item_kind,
         u.id as unit_id, u.serial as unit_serial,
         rp.id as rp_id, rp.name as rp_name, rp.phone as rp_phone,
         rs.id as rs_id, rs.name as rs_name, rs.phone as rs_phone,
         e.id as e_id, e.title as e_title, e.start_date::text as e_start, e.end_date::text as e_end, e.status as e_status,
         floor(extract(epoch from (coalesce(r.closed_at, now()) - r.opened_at)) / 86400)::int as days_open
    from repair r
    join equipment_item i on i.id = r.item_id
    left join equipment_unit u on u.id = r.unit_id
    left join app_user rp on rp.id = r.reported_by
    left join app_user rs on rs.id = r.responsible_id
    left join production_event e on e.id = r.event_id`;

function repairView(row: Record<string, any>): RepairView {
  return {
    id: row.id,
    item: { id: row.item_id, code: row.item_code, name: row.item_name, kind: row.item_kind },
    unit: row.unit_id ? { id: row.unit_id, serial: row.unit_serial } : null,
    quantity: row.quantity,
    reason: row.reason,
    problemKind: row.problem_kind,
    status: row.status,
    reportedBy: row.rp_id ? { id: row.rp_id, name: row.rp_name, phone: row.rp_phone } : null,
    responsible: row.rs_id ? { id: row.rs_id, name: row.rs_name, phone: row.rs_phone } : null,
    event: row.e_id ? { id: row.e_id, title: row.e_title, startDate: row.e_start, endDate: row.e_end, status: row.e_status } : null,
    openedAt: new Date(row.opened_at),
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
    daysOpen: row.days_open,
    closeNote: row.close_note,
    version: row.version,
  };
}

/** What the live notification of a routed repair carries (all of it in the journal row: no reads per socket). */
interface RepairNotice {
  repairId: string;
  itemName: string;
  serial: string | null;
  reason: string;
  problemKind: string;
  reporterName: string | null;
}

/** Repairs (SPEC §3): out of available stock until returned or written off; fault reports routed by rules. */
export class RepairService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
  ) {}

  async list(open: boolean | undefined, limit = 200): Promise<RepairView[]> {
    const where = open === undefined ? '' : open ? `where r.status = 'OPEN'` : `where r.status <> 'OPEN'`;
    const rows = await this.orm.em.fork().execute(`${REPAIR_SELECT} ${where} order by r.opened_at ${open ? 'asc' : 'desc'} limit ?`, [Math.min(Math.max(limit, 1), 500)]);
    return rows.map(repairView);
  }

  async get(id: string, em: EntityManager = this.orm.em.fork()): Promise<RepairView> {
    checkId(id, 'id', 'a repair');
    const [row] = await em.execute(`${REPAIR_SELECT} where r.id = ?`, [id]);
    if (!row) throw new NotFoundError('Repair', id);
    return repairView(row);
  }

  async open(viewer: Viewer, input: OpenRepairInput): Promise<RepairView> {
    let itemId = input.itemId ?? null;
    const unitId = input.unitId ?? null;
    if (!itemId && !unitId) throw new BadUserInputError([{ field: 'itemId', message: 'name the item (bulk) or the unit (serialised)' }]);
    const id = await this.journal.record(async (em) => {
      if (unitId) {
        const unit = await em.findOne(EquipmentUnit, unitId);
        if (!unit) throw new BadUserInputError([{ field: 'unitId', message: 'is not a unit' }]);
        itemId = unit.item.id;
      }
      const { repair, journal } = await this.openIn(em, viewer, { itemId: itemId!, unitId, quantity: input.quantity ?? 1, reason: input.reason, problemKind: input.problemKind });
      return { result: repair.id, journal };
    });
    return this.get(id);
  }

  /** Opens a repair inside the caller's transaction (fault reports, damaged check-ins); returns its journal rows. */
  async openIn(em: EntityManager, viewer: Viewer, opening: RepairOpening): Promise<{ repair: Repair; journal: JournalInput[] }> {
    const reason = opening.reason.trim();
    const problemKind = opening.problemKind.trim().toLowerCase();
    const problems = [];
    if (!reason) problems.push({ field: 'reason', message: 'is required: say what is wrong' });
    if (!problemKind) problems.push({ field: 'problemKind', message: 'is required' });
    if (problems.length) throw new BadUserInputError(problems);
    const item = await em.findOne(EquipmentItem, opening.itemId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['category'] });
    if (!item) throw new BadUserInputError([{ field: 'itemId', message: 'is not an item' }]);
    let unit: EquipmentUnit | null = null;
    if (item.kind === EquipmentKind.SERIALISED) {
      if (!opening.unitId) throw new BadUserInputError([{ field: 'unitId', message: `"${item.name}" is serialised: name the unit` }]);
      unit = await em.findOne(EquipmentUnit, opening.unitId);
      if (!unit || unit.item.id !== item.id) throw new BadUserInputError([{ field: 'unitId', message: 'is not a unit of this item' }]);
      if (unit.writtenOffAt) throw new BadUserInputError([{ field: 'unitId', message: `unit ${unit.serial} is written off` }]);
      const open = await em.count(Repair, { unit: unit.id, status: RepairStatus.OPEN });
      if (open) throw new BadUserInputError([{ field: 'unitId', message: `unit ${unit.serial} is already in repair` }]);
    } else {
      if (opening.unitId) throw new BadUserInputError([{ field: 'unitId', message: `"${item.name}" is a bulk item: give a quantity` }]);
      if (!Number.isInteger(opening.quantity) || opening.quantity < 1) throw new BadUserInputError([{ field: 'quantity', message: 'must be 1 or more' }]);
      const [supply] = await em.execute<Array<{ owned: number; in_repair: number }>>(`select ${SUPPLY_OF_ITEM} from equipment_item i where i.id = ?`, [item.id]);
      const left = Number(supply.owned) - Number(supply.in_repair);
      if (opening.quantity > left) throw new BadUserInputError([{ field: 'quantity', message: `only ${left} of "${item.name}" are not already in repair` }]);
    }
    const responsibleId = await this.route(em, item.category, problemKind);
    let repair!: Repair;
    const affected = await withStockChange(em, item.id, async () => {
      repair = em.create(Repair, {
      item,
      unit,
      quantity: unit ? 1 : opening.quantity,
      reason,
      problemKind,
      reportedBy: em.getReference(User, viewer.id),
      responsible: responsibleId ? em.getReference(User, responsibleId) : null,
      event: opening.eventId ? em.getReference(ProductionEvent, opening.eventId) : null,
      });
      try {
        await em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw new BadUserInputError([{ field: 'unitId', message: 'this unit is already in repair' }]);
        throw error;
      }
    });
    await this.movement(em, viewer, MovementKind.REPAIR_IN, repair, opening.eventId ?? null, reason);
    const responsible = responsibleId ? await em.findOne(User, responsibleId) : null;
    const notice: RepairNotice = { repairId: repair.id, itemName: item.name, serial: unit?.serial ?? null, reason, problemKind, reporterName: viewer.name };
    const notify = responsibleId && responsibleId !== viewer.id ? [responsibleId] : [];
    return {
      repair,
      journal: [
        {
          actor: viewer,
          action: 'repair.open',
          objectType: 'Repair',
          objectId: repair.id,
          summary: `${item.name}${unit ? ` ${unit.serial}` : ` × ${repair.quantity}`} to repair (${problemKind}): ${reason}${responsible ? ` — ${responsible.name} responsible` : ''}`,
          changes: [{ field: 'status', oldValue: null, newValue: RepairStatus.OPEN }],
          context: { version: 1, notify, notice, itemId: item.id, affected },
        },
      ],
    };
  }

  async close(viewer: Viewer, id: string, outcome: RepairStatus, note?: string | null): Promise<RepairView> {
    checkId(id, 'id', 'a repair');
    if (outcome === RepairStatus.OPEN) throw new BadUserInputError([{ field: 'outcome', message: 'is RETURNED or WRITTEN_OFF' }]);
    await this.journal.record(async (em) => {
      const repair = await em.findOne(Repair, id, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['item', 'unit'] });
      if (!repair) throw new NotFoundError('Repair', id);
      if (repair.status !== RepairStatus.OPEN) throw new BadUserInputError([{ field: 'id', message: `this repair is already ${repair.status.toLowerCase().replace('_', ' ')}` }]);
      const affected = await withStockChange(em, repair.item.id, async () => {
        repair.status = outcome;
        repair.closedAt = new Date();
        repair.closeNote = note?.trim() || null;
        repair.version += 1;
        if (outcome === RepairStatus.WRITTEN_OFF) {
          if (repair.unit) repair.unit.writtenOffAt = new Date();
          else repair.item.quantity = Math.max(0, repair.item.quantity - repair.quantity);
        }
      });
      await this.movement(em, viewer, outcome === RepairStatus.RETURNED ? MovementKind.REPAIR_OUT : MovementKind.WRITE_OFF, repair, null, repair.closeNote ?? null);
      const what = `${repair.item.name}${repair.unit ? ` ${repair.unit.serial}` : ` × ${repair.quantity}`}`;
      return {
        result: repair,
        journal: [
          {
            actor: viewer,
            action: outcome === RepairStatus.RETURNED ? 'repair.return' : 'repair.write_off',
            objectType: 'Repair',
            objectId: repair.id,
            summary: outcome === RepairStatus.RETURNED ? `${what} back from repair` : `${what} written off`,
            changes: [{ field: 'status', oldValue: RepairStatus.OPEN, newValue: outcome }],
            context: { version: repair.version, itemId: repair.item.id, affected },
          },
        ],
      };
    });
    return this.get(id);
  }

  async rules(): Promise<RepairRuleView[]> {
    const rows = await this.orm.em.fork().execute<Array<Record<string, any>>>(
      `select r.id, r.category_id, c.name as category_name, r.problem_kind, r.version, u.id as u_id, u.name as u_name, u.phone as u_phone
         from repair_rule r left join equipment_category c on c.id = r.category_id join app_user u on u.id = r.responsible_id
        order by c.name nulls last, r.problem_kind nulls last`,
    );
    return rows.map((row) => ({
      id: row.id,
      categoryId: row.category_id,
      categoryName: row.category_name,
      problemKind: row.problem_kind,
      responsible: { id: row.u_id, name: row.u_name, phone: row.u_phone },
      version: row.version,
    }));
  }

  /** Adds a rule, or changes the responsible person of the rule with the same (category, problem kind). */
  async setRule(viewer: Viewer, categoryId: string | null, problemKind: string | null, responsibleId: string): Promise<RepairRuleView> {
    requireRuleEditor(viewer);
    if (categoryId) checkId(categoryId, 'categoryId', 'a category');
    checkId(responsibleId, 'responsibleId', 'an account');
    const kind = problemKind?.trim().toLowerCase() || null;
    const id = await this.journal.record(async (em) => {
      const category = categoryId ? await em.findOne(EquipmentCategory, categoryId) : null;
      if (categoryId && !category) throw new BadUserInputError([{ field: 'categoryId', message: 'is not a category' }]);
      const user = await em.findOne(User, { id: responsibleId, active: true });
      if (!user) throw new BadUserInputError([{ field: 'responsibleId', message: 'is not an active account' }]);
      const existing = await em.findOne(RepairRule, { category: categoryId ?? null, problemKind: kind }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const rule = existing ?? em.create(RepairRule, { category, problemKind: kind, responsible: user });
      const old = existing?.responsible.id ?? null;
      if (existing) {
        if (old === user.id) return { result: rule.id, journal: [] };
        rule.responsible = user;
        rule.version += 1;
      }
      return {
        result: rule.id,
        journal: [{ actor: viewer, action: 'repair.rule_set', objectType: 'RepairRule', objectId: rule.id, summary: `Repairs of ${category?.name ?? 'any category'} / ${kind ?? 'any problem'} go to ${user.name}`, changes: [{ field: 'responsibleId', oldValue: old, newValue: user.id }] }],
      };
    });
    return (await this.rules()).find((rule) => rule.id === id)!;
  }

  async removeRule(viewer: Viewer, id: string): Promise<boolean> {
    requireRuleEditor(viewer);
    checkId(id, 'id', 'a rule');
    return this.journal.record(async (em) => {
      const rule = await em.findOne(RepairRule, id);
      if (!rule) throw new NotFoundError('RepairRule', id);
      em.remove(rule);
      return { result: true, journal: [{ actor: viewer, action: 'repair.rule_remove', objectType: 'RepairRule', objectId: id, summary: 'Repair routing rule removed', changes: [{ field: 'responsibleId', oldValue: rule.responsible.id, newValue: null }] }] };
    });
  }

  /** The most specific rule wins: problem kind first, then the item's own category, then its parent. */
  private async route(em: EntityManager, category: EquipmentCategory, problemKind: string): Promise<string | null> {
    const [row] = await em.execute<Array<{ responsible_id: string }>>(
      `select r.responsible_id from repair_rule r join app_user u on u.id = r.responsible_id and u.active
        where (r.category_id is null or r.category_id = ? or r.category_id = ?) and (r.problem_kind is null or r.problem_kind = ?)
        order by (r.problem_kind is not null) desc, (r.category_id = ?) desc nulls last, (r.category_id is not null) desc
        limit 1`,
      [category.id, category.parent?.id ?? null, problemKind, category.id],
    );
    return row?.responsible_id ?? null;
  }

  private async movement(em: EntityManager, viewer: Viewer, kind: MovementKind, repair: Repair, eventId: string | null, note: string | null): Promise<void> {
    await em.execute(
      `insert into equipment_movement (actor_id, kind, item_id, unit_id, event_id, quantity, via, note) values (?, ?, ?, ?, ?, ?, 'MANUAL', ?)`,
      [viewer.id, kind, repair.item.id, repair.unit?.id ?? null, eventId, repair.quantity, note],
    );
  }
}

function requireRuleEditor(viewer: Viewer): void {
  if (viewer.permissions.has('repair:manage') || viewer.permissions.has('settings:manage')) return;
  throw new ForbiddenError('You need the "repair:manage" or "settings:manage" permission to edit repair routing.', 'repair:manage');
}

/** The live notification a journal row carries for a person, if it routes a repair to them. */
export function repairNotificationFor(entry: { seq: number; action: string; objectType: string; summary: string; at: Date; context: Record<string, unknown> }, personId: string): RepairNotification | null {
  if (entry.objectType !== 'Repair' || entry.action !== 'repair.open') return null;
  const notify = entry.context.notify as string[] | undefined;
  const notice = entry.context.notice as RepairNotice | undefined;
  if (!notice || !notify?.includes(personId)) return null;
  return { seq: entry.seq, repairId: notice.repairId, message: entry.summary, itemName: notice.itemName, serial: notice.serial, reason: notice.reason, problemKind: notice.problemKind, reporterName: notice.reporterName, at: entry.at };
}
