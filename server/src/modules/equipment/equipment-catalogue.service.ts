import { LockMode, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors.js';
import { pgArray } from '../../database/orm.js';
import type { Viewer } from '../../graphql/context.js';
import { diffFields, type JournalInput, type JournalService } from '../journal/journal.service.js';
import { EquipmentCase, EquipmentCategory, EquipmentItem, EquipmentKind, EquipmentUnit } from './equipment-catalogue.entity.js';
import { availabilityByDay, availabilityOf, SUPPLY_OF_ITEM } from './equipment-availability.js';
import { checkWindow } from '../events/production-event.read-model.js';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { checkId } from './event-equipment.service.js';
import type { Label } from './equipment-labels.js';
import type { CreateEquipmentItemInput, EquipmentCategoryInput, EquipmentItemFilter, UpdateEquipmentItemInput } from './equipment.inputs.js';
import { ScanTargetKind, type DayAvailability, type ItemAvailability, type EquipmentCaseView, type EquipmentCategoryView, type EquipmentItemPage, type EquipmentItemView, type EquipmentUnitView, type ScanTarget } from './equipment.types.js';

/** A new opaque label code: never derived from anything a user typed, unguessable, URL-safe. */
export function newQrCode(): string {
  return randomBytes(9).toString('base64url');
}

/** The code inside a scanned text: a bare code or a `/q/<code>` URL. */
export function codeFromScan(text: string): string {
  const trimmed = text.trim();
  const match = /\/q\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(trimmed);
  return match ? match[1] : trimmed;
}

const ITEM_COLUMNS = `
  i.id, i.code, i.name, i.category_id, i.kind, i.qr_code, i.notes, i.archived_at, i.version,
  case when c.parent_id is null then c.name else p.name || ' / ' || c.name end as category_path,
  ${SUPPLY_OF_ITEM},
  case when i.kind = 'BULK'
       then coalesce((select sum(case when m.kind = 'CHECK_OUT' then m.quantity when m.kind = 'CHECK_IN' then -m.quantity else 0 end)::int
                        from equipment_movement m where m.item_id = i.id and m.event_id is not null and m.kind in ('CHECK_OUT', 'CHECK_IN')), 0)
       else (select count(*)::int from equipment_unit u where u.item_id = i.id and u.out_event_id is not null) end as out`;
const ITEM_JOINS = `from equipment_item i join equipment_category c on c.id = i.category_id left join equipment_category p on p.id = c.parent_id`;

interface ItemRow {
  id: string;
  code: string;
  name: string;
  category_id: string;
  category_path: string;
  kind: EquipmentKind;
  qr_code: string;
  notes: string | null;
  archived_at: string | null;
  version: number;
  owned: number;
  in_repair: number;
  out: number;
}

function itemView(row: ItemRow): EquipmentItemView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    categoryId: row.category_id,
    categoryPath: row.category_path,
    kind: row.kind,
    owned: Number(row.owned),
    inRepair: Number(row.in_repair),
    out: Math.max(0, Number(row.out)),
    qrCode: row.qr_code,
    notes: row.notes,
    archivedAt: row.archived_at ? new Date(row.archived_at) : null,
    version: row.version,
  };
}

const UNIT_SELECT = `
  select u.id, u.serial, u.qr_code, u.case_id, k.name as case_name, u.written_off_at, u.notes, u.version,
         i.id as item_id, i.code as item_code, i.name as item_name, i.kind as item_kind,
         e.id as e_id, e.title as e_title, e.start_date::text as e_start, e.end_date::text as e_end, e.status as e_status,
         exists (select 1 from repair r where r.unit_id = u.id and r.status = 'OPEN') as in_repair
    from equipment_unit u
    join equipment_item i on i.id = u.item_id
    left join equipment_case k on k.id = u.case_id
    left join production_event e on e.id = u.out_event_id`;

function unitView(row: Record<string, any>): EquipmentUnitView {
  return {
    id: row.id,
    item: { id: row.item_id, code: row.item_code, name: row.item_name, kind: row.item_kind },
    serial: row.serial,
    qrCode: row.qr_code,
    caseId: row.case_id,
    caseName: row.case_name,
    outEvent: row.e_id ? { id: row.e_id, title: row.e_title, startDate: row.e_start, endDate: row.e_end, status: row.e_status } : null,
    inRepair: Boolean(row.in_repair),
    writtenOffAt: row.written_off_at ? new Date(row.written_off_at) : null,
    notes: row.notes,
    version: row.version,
  };
}

/** The catalogue (SPEC §3): categories, items, units and cases. Only equipment:manage edits it. */
export class EquipmentCatalogueService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
  ) {}

  /** Availability of up to 500 items over a period (at most 400 days), one statement. */
  async availability(itemIds: readonly string[], from: CalendarDate, to: CalendarDate, excludeEventId: string | null): Promise<ItemAvailability[]> {
    checkWindow(from, to);
    if (itemIds.length > 500) throw new BadUserInputError([{ field: 'itemIds', message: 'at most 500 items at once' }]);
    itemIds.forEach((id) => checkId(id, 'itemIds', 'an item'));
    if (excludeEventId) checkId(excludeEventId, 'excludeEventId', 'an event');
    return availabilityOf(this.orm.em.fork(), itemIds, from, to, excludeEventId);
  }

  /** Availability of one item on each day of a period (at most 400 days): the item page's calendar. */
  async availabilityByDay(itemId: string, from: CalendarDate, to: CalendarDate): Promise<DayAvailability[]> {
    checkWindow(from, to);
    checkId(itemId, 'itemId', 'an item');
    const days = await availabilityByDay(this.orm.em.fork(), itemId, from, to);
    if (!days) throw new NotFoundError('EquipmentItem', itemId);
    return days;
  }

  async categories(): Promise<EquipmentCategoryView[]> {
    const rows = await this.orm.em.fork().execute<Array<{ id: string; name: string; parent_id: string | null; position: number; version: number; item_count: number }>>(
      `select c.id, c.name, c.parent_id, c.position, c.version,
              (select count(*)::int from equipment_item i where i.category_id = c.id and i.archived_at is null) as item_count
         from equipment_category c
        order by coalesce((select position from equipment_category p where p.id = c.parent_id), c.position), coalesce(c.parent_id, c.id), c.parent_id nulls first, c.position, lower(c.name)`,
    );
    return rows.map((row) => ({ id: row.id, name: row.name, parentId: row.parent_id, position: row.position, itemCount: row.item_count, version: row.version }));
  }

  async saveCategory(viewer: Viewer, id: string | null, input: EquipmentCategoryInput): Promise<EquipmentCategoryView> {
    const name = input.name.trim();
    if (!name) throw new BadUserInputError([{ field: 'name', message: 'is required' }]);
    if (id) checkId(id, 'id', 'a category');
    const saved = await this.unique('name', `a category "${name}" already exists there`, () =>
      this.journal.record(async (em) => {
        let parent: EquipmentCategory | null = null;
        if (input.parentId) {
          parent = await em.findOne(EquipmentCategory, input.parentId);
          if (!parent) throw new BadUserInputError([{ field: 'parentId', message: 'is not a category' }]);
          if (parent.parent) throw new BadUserInputError([{ field: 'parentId', message: `"${parent.name}" is itself a subcategory: one level of nesting only` }]);
          if (parent.id === id) throw new BadUserInputError([{ field: 'parentId', message: 'a category cannot be its own parent' }]);
        }
        const category = id ? await em.findOne(EquipmentCategory, id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : em.create(EquipmentCategory, { name });
        if (!category) throw new NotFoundError('EquipmentCategory', id!);
        if (id && parent) {
          const [{ children }] = await em.execute<Array<{ children: number }>>('select count(*)::int as children from equipment_category where parent_id = ?', [id]);
          if (children > 0) throw new BadUserInputError([{ field: 'parentId', message: 'this category has subcategories: it stays top-level' }]);
        }
        const before = { name: id ? category.name : null, parentId: id ? (category.parent?.id ?? null) : null };
        category.name = name;
        category.parent = parent;
        if (input.position !== undefined) category.position = input.position;
        if (id) category.version += 1;
        const after = { name: category.name, parentId: category.parent?.id ?? null };
        return {
          result: category,
          journal: [{ actor: viewer, action: id ? 'equipment.category_update' : 'equipment.category_create', objectType: 'EquipmentCategory', objectId: category.id, summary: `Category "${name}" ${id ? 'changed' : 'created'}`, changes: diffFields(before, after, ['name', 'parentId']) }],
        };
      }),
    );
    return (await this.categories()).find((c) => c.id === saved.id)!;
  }

  async items(filter: EquipmentItemFilter = {}, limit = 50, offset = 0): Promise<EquipmentItemPage> {
    if (limit < 1 || limit > 500) throw new BadUserInputError([{ field: 'limit', message: 'must be between 1 and 500' }]);
    const where = [filter.archived ? 'i.archived_at is not null' : 'i.archived_at is null'];
    const params: unknown[] = [];
    const search = filter.search?.trim();
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push('(i.name ilike ? or i.code ilike ?)');
      params.push(like, like);
    }
    if (filter.categoryId) (where.push('(c.id = ? or c.parent_id = ?)'), params.push(filter.categoryId, filter.categoryId));
    if (filter.kind) (where.push('i.kind = ?'), params.push(filter.kind));
    const em = this.orm.em.fork();
    const clause = where.join(' and ');
    const [{ total }] = await em.execute<Array<{ total: string }>>(`select count(*) as total ${ITEM_JOINS} where ${clause}`, params);
    const rows = await em.execute<ItemRow[]>(`select ${ITEM_COLUMNS} ${ITEM_JOINS} where ${clause} order by lower(i.name), i.id limit ? offset ?`, [...params, limit, offset]);
    return { items: rows.map(itemView), total: Number(total) };
  }

  async item(id: string, em: EntityManager = this.orm.em.fork()): Promise<EquipmentItemView> {
    checkId(id, 'id', 'an item');
    const [row] = await em.execute<ItemRow[]>(`select ${ITEM_COLUMNS} ${ITEM_JOINS} where i.id = ?`, [id]);
    if (!row) throw new NotFoundError('EquipmentItem', id);
    return itemView(row);
  }

  async unitsOf(itemId: string): Promise<EquipmentUnitView[]> {
    checkId(itemId, 'itemId', 'an item');
    const rows = await this.orm.em.fork().execute(`${UNIT_SELECT} where u.item_id = ? order by u.written_off_at nulls first, u.serial`, [itemId]);
    return rows.map(unitView);
  }

  async unit(id: string, em: EntityManager = this.orm.em.fork()): Promise<EquipmentUnitView> {
    checkId(id, 'id', 'a unit');
    const [row] = await em.execute(`${UNIT_SELECT} where u.id = ?`, [id]);
    if (!row) throw new NotFoundError('EquipmentUnit', id);
    return unitView(row);
  }

  async cases(): Promise<EquipmentCaseView[]> {
    const em = this.orm.em.fork();
    const cases = await em.find(EquipmentCase, {}, { orderBy: { name: 'asc' } });
    const units = cases.length ? await em.execute(`${UNIT_SELECT} where u.case_id in (select unnest(?::uuid[])) order by u.serial`, [pgArray(cases.map((c) => c.id))]) : [];
    return cases.map((c) => ({ id: c.id, name: c.name, qrCode: c.qrCode, notes: c.notes ?? null, version: c.version, units: units.filter((u) => u.case_id === c.id).map(unitView) }));
  }

  /** What a scanned code (or `/q/<code>` URL) names. */
  async resolveCode(text: string): Promise<ScanTarget> {
    const code = codeFromScan(text);
    const em = this.orm.em.fork();
    const [unit] = await em.execute(`${UNIT_SELECT} where u.qr_code = ?`, [code]);
    if (unit) return { kind: ScanTargetKind.UNIT, code, unit: unitView(unit), item: await this.item(unit.item_id, em), case: null };
    const [item] = await em.execute<ItemRow[]>(`select ${ITEM_COLUMNS} ${ITEM_JOINS} where i.qr_code = ?`, [code]);
    if (item) return { kind: ScanTargetKind.ITEM, code, item: itemView(item), unit: null, case: null };
    const found = await em.findOne(EquipmentCase, { qrCode: code });
    if (found) return { kind: ScanTargetKind.CASE, code, item: null, unit: null, case: (await this.cases()).find((c) => c.id === found.id)! };
    throw new DomainNotFoundCode(code);
  }

  async createItem(viewer: Viewer, input: CreateEquipmentItemInput): Promise<EquipmentItemView> {
    const code = input.code.trim();
    const name = input.name.trim();
    const problems = [];
    if (!code) problems.push({ field: 'code', message: 'is required' });
    if (!name) problems.push({ field: 'name', message: 'is required' });
    if (input.kind === EquipmentKind.SERIALISED && input.quantity) problems.push({ field: 'quantity', message: 'serialised items are counted by their units' });
    if (problems.length) throw new BadUserInputError(problems);
    const item = await this.unique('code', `the item code "${code}" is taken`, () =>
      this.journal.record(async (em) => {
        const category = await em.findOne(EquipmentCategory, input.categoryId);
        if (!category) throw new BadUserInputError([{ field: 'categoryId', message: 'is not a category' }]);
        const created = em.create(EquipmentItem, { code, name, category, kind: input.kind, quantity: input.quantity ?? 0, qrCode: newQrCode(), notes: input.notes?.trim() || null });
        return { result: created, journal: [this.itemEntry(viewer, created, 'equipment.item_create', `Item ${code} "${name}" created`, [])] };
      }),
    );
    return this.item(item.id);
  }

  async updateItem(viewer: Viewer, id: string, expectedVersion: number, input: UpdateEquipmentItemInput): Promise<EquipmentItemView> {
    checkId(id, 'id', 'an item');
    await this.journal.record(async (em) => {
      const item = await this.lockItem(em, id, expectedVersion);
      const before = { name: item.name, categoryId: item.category.id, quantity: item.quantity, notes: item.notes ?? null };
      if (input.name !== undefined) {
        if (!input.name.trim()) throw new BadUserInputError([{ field: 'name', message: 'is required' }]);
        item.name = input.name.trim();
      }
      if (input.categoryId !== undefined) {
        const category = await em.findOne(EquipmentCategory, input.categoryId);
        if (!category) throw new BadUserInputError([{ field: 'categoryId', message: 'is not a category' }]);
        item.category = category;
      }
      if (input.quantity !== undefined) {
        if (item.kind === EquipmentKind.SERIALISED) throw new BadUserInputError([{ field: 'quantity', message: 'serialised items are counted by their units' }]);
        item.quantity = input.quantity;
      }
      if (input.notes !== undefined) item.notes = input.notes?.trim() || null;
      const changes = diffFields(before, { name: item.name, categoryId: item.category.id, quantity: item.quantity, notes: item.notes ?? null }, ['name', 'categoryId', 'quantity', 'notes']);
      if (!changes.length) return { result: item, journal: [] };
      item.version += 1;
      return { result: item, journal: [this.itemEntry(viewer, item, 'equipment.item_update', `Item ${item.code} "${item.name}" changed`, changes)] };
    });
    return this.item(id);
  }

  async setItemArchived(viewer: Viewer, id: string, archived: boolean): Promise<EquipmentItemView> {
    checkId(id, 'id', 'an item');
    await this.journal.record(async (em) => {
      const item = await this.lockItem(em, id);
      if (Boolean(item.archivedAt) === archived) return { result: item, journal: [] };
      item.archivedAt = archived ? new Date() : null;
      item.version += 1;
      return { result: item, journal: [this.itemEntry(viewer, item, archived ? 'equipment.item_archive' : 'equipment.item_unarchive', `Item ${item.code} ${archived ? 'archived' : 'back in use'}`, [{ field: 'archived', oldValue: !archived, newValue: archived }])] };
    });
    return this.item(id);
  }

  async addUnit(viewer: Viewer, itemId: string, serial: string, notes?: string | null): Promise<EquipmentUnitView> {
    checkId(itemId, 'itemId', 'an item');
    const clean = serial.trim();
    if (!clean) throw new BadUserInputError([{ field: 'serial', message: 'is required' }]);
    const unit = await this.unique('serial', `this item already has a unit with serial "${clean}"`, () =>
      this.journal.record(async (em) => {
        const item = await this.lockItem(em, itemId);
        if (item.kind !== EquipmentKind.SERIALISED) throw new BadUserInputError([{ field: 'itemId', message: `"${item.name}" is a bulk item: change its quantity instead` }]);
        const created = em.create(EquipmentUnit, { item, serial: clean, qrCode: newQrCode(), notes: notes?.trim() || null });
        return {
          result: created,
          journal: [{ actor: viewer, action: 'equipment.unit_create', objectType: 'EquipmentUnit', objectId: created.id, summary: `Unit ${clean} of ${item.name} added`, changes: [{ field: 'serial', oldValue: null, newValue: clean }], context: { itemId } }],
        };
      }),
    );
    return this.unit(unit.id);
  }

  async createCase(viewer: Viewer, name: string, unitIds: readonly string[]): Promise<EquipmentCaseView> {
    const clean = name.trim();
    if (!clean) throw new BadUserInputError([{ field: 'name', message: 'is required' }]);
    const created = await this.journal.record(async (em) => {
      const found = em.create(EquipmentCase, { name: clean, qrCode: newQrCode() });
      await em.flush();
      const serials = await this.putInCase(em, found.id, unitIds);
      return { result: found, journal: [{ actor: viewer, action: 'equipment.case_create', objectType: 'EquipmentCase', objectId: found.id, summary: `Case "${clean}" created with ${serials.length} units`, changes: [{ field: 'units', oldValue: [], newValue: serials }] }] };
    });
    return (await this.cases()).find((c) => c.id === created.id)!;
  }

  async setCaseUnits(viewer: Viewer, caseId: string, unitIds: readonly string[]): Promise<EquipmentCaseView> {
    checkId(caseId, 'caseId', 'a case');
    await this.journal.record(async (em) => {
      const found = await em.findOne(EquipmentCase, caseId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!found) throw new NotFoundError('EquipmentCase', caseId);
      const before = (await em.execute<Array<{ serial: string }>>('select serial from equipment_unit where case_id = ? order by serial', [caseId])).map((r) => r.serial);
      await em.execute('update equipment_unit set case_id = null where case_id = ?', [caseId]);
      const after = await this.putInCase(em, caseId, unitIds);
      found.version += 1;
      return { result: found, journal: [{ actor: viewer, action: 'equipment.case_update', objectType: 'EquipmentCase', objectId: caseId, summary: `Case "${found.name}" now holds ${after.length} units`, changes: [{ field: 'units', oldValue: before, newValue: after }] }] };
    });
    return (await this.cases()).find((c) => c.id === caseId)!;
  }

  /**
   * Labels for a selection: items (a bulk item's own label, a serialised item's units), units, cases,
   * or everything in a category (with its subcategories). At most 2,000 labels.
   */
  async labelsFor(selection: { itemIds?: string[]; unitIds?: string[]; caseIds?: string[]; categoryId?: string }, publicUrl: string): Promise<Label[]> {
    for (const [field, ids] of Object.entries({ itemIds: selection.itemIds, unitIds: selection.unitIds, caseIds: selection.caseIds })) ids?.forEach((id) => checkId(id, field, 'a valid'));
    if (selection.categoryId) checkId(selection.categoryId, 'categoryId', 'a category');
    const rows = await this.orm.em.fork().execute<Array<{ code: string; title: string; subtitle: string }>>(
      `with chosen as (
         select i.* from equipment_item i join equipment_category c on c.id = i.category_id
          where i.archived_at is null and (i.id = any(?::uuid[]) or (?::uuid is not null and (c.id = ?::uuid or c.parent_id = ?::uuid)))
       )
       select * from (
         select 1 as part, i.name as sort, i.qr_code as code, i.name as title, i.code || ' · ' || i.quantity || ' pcs' as subtitle from chosen i where i.kind = 'BULK'
         union all
         select 2, i.name || u.serial, u.qr_code, i.name, i.code || ' · S/N ' || u.serial from equipment_unit u join equipment_item i on i.id = u.item_id
          where u.written_off_at is null and (u.item_id in (select id from chosen where kind = 'SERIALISED') or u.id = any(?::uuid[]))
         union all
         select 3, k.name, k.qr_code, k.name, (select count(*) from equipment_unit u where u.case_id = k.id) || ' units' from equipment_case k where k.id = any(?::uuid[])
       ) labels
       order by part, sort
       limit 2001`,
      [pgArray(selection.itemIds ?? []), selection.categoryId ?? null, selection.categoryId ?? null, selection.categoryId ?? null, pgArray(selection.unitIds ?? []), pgArray(selection.caseIds ?? [])],
    );
    if (rows.length > 2000) throw new BadUserInputError([{ field: 'selection', message: 'at most 2,000 labels at once' }]);
    const base = publicUrl.replace(/\/$/, '');
    return rows.map((row) => ({ url: `${base}/q/${row.code}`, title: row.title, subtitle: row.subtitle }));
  }

  private async putInCase(em: EntityManager, caseId: string, unitIds: readonly string[]): Promise<string[]> {
    unitIds.forEach((id) => checkId(id, 'unitIds', 'a unit'));
    if (unitIds.length === 0) return [];
    const rows = await em.execute<Array<{ id: string; serial: string; case_id: string | null; written_off_at: Date | null }>>(
      'select id, serial, case_id, written_off_at from equipment_unit where id in (select unnest(?::uuid[])) for update',
      [pgArray(unitIds)],
    );
    for (const id of unitIds) {
      const unit = rows.find((r) => r.id === id);
      if (!unit) throw new BadUserInputError([{ field: 'unitIds', message: `${id} is not a unit` }]);
      if (unit.written_off_at) throw new BadUserInputError([{ field: 'unitIds', message: `unit ${unit.serial} is written off` }]);
      if (unit.case_id && unit.case_id !== caseId) throw new BadUserInputError([{ field: 'unitIds', message: `unit ${unit.serial} is in another case` }]);
    }
    await em.execute('update equipment_unit set case_id = ? where id in (select unnest(?::uuid[]))', [caseId, pgArray(unitIds)]);
    return rows.map((r) => r.serial).sort();
  }

  private async lockItem(em: EntityManager, id: string, expectedVersion?: number): Promise<EquipmentItem> {
    const item = await em.findOne(EquipmentItem, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!item) throw new NotFoundError('EquipmentItem', id);
    if (expectedVersion !== undefined && expectedVersion !== item.version) {
      throw new ConflictError(`Someone else changed "${item.name}" since you opened it.`, { currentVersion: item.version });
    }
    return item;
  }

  private itemEntry(viewer: Viewer, item: EquipmentItem, action: string, summary: string, changes: JournalInput['changes']): JournalInput {
    return { actor: viewer, action, objectType: 'EquipmentItem', objectId: item.id, summary, changes, context: { version: item.version } };
  }

  private async unique<T>(field: string, message: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new BadUserInputError([{ field, message }]);
      throw error;
    }
  }
}

class DomainNotFoundCode extends NotFoundError {
  constructor(code: string) {
    super('Code', code);
    this.message = `No unit, case or item has the code "${code}".`;
  }
}
