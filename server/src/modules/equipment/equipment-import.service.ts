import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/postgresql';
import { DomainError } from '../../common/errors.js';
import { pgArray } from '../../database/orm.js';
import type { Viewer } from '../../graphql/context.js';
import type { JournalService } from '../journal/journal.service.js';
import { EquipmentCategory, EquipmentItem, EquipmentKind, EquipmentUnit } from './equipment-catalogue.entity.js';
import { newQrCode } from './equipment-catalogue.service.js';
import { readCatalogue, type ImportRow } from './equipment-excel.js';

export type ImportAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'ERROR';

export interface ImportPreviewRow {
  row: number;
  code: string;
  name: string;
  action: ImportAction;
  changes: string[];
  errors: string[];
}

export interface ImportPreview {
  committed: boolean;
  rows: ImportPreviewRow[];
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
}

interface ExistingItem {
  id: string;
  code: string;
  name: string;
  kind: EquipmentKind;
  quantity: number;
  notes: string | null;
  category_id: string;
  serials: string[] | null;
}

interface CategoryRow {
  id: string;
  name: string;
  parent_id: string | null;
}

/**
 * The catalogue import (`POST /api/import/equipment`): a preview lists every row's errors and what
 * it would do; a commit writes all rows in one transaction or nothing. Items are matched by code
 * (case-insensitive), so importing the same file again changes nothing. Units are only added.
 */
export class EquipmentImportService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
  ) {}

  async run(viewer: Viewer, file: Buffer, commit: boolean): Promise<ImportPreview> {
    const rows = await readCatalogue(file);
    const em = this.orm.em.fork();
    const codes = rows.map((row) => row.code.toLowerCase()).filter(Boolean);
    const existing = await em.execute<ExistingItem[]>(
      `select i.id, i.code, i.name, i.kind, i.quantity, i.notes, i.category_id,
              (select array_agg(u.serial) from equipment_unit u where u.item_id = i.id) as serials
         from equipment_item i where lower(i.code) = any(?::text[])`,
      [pgArray(codes)],
    );
    const byCode = new Map(existing.map((item) => [item.code.toLowerCase(), item]));
    const categories = await em.execute<CategoryRow[]>('select id, name, parent_id from equipment_category');
    const preview = rows.map((row) => this.plan(row, byCode.get(row.code.toLowerCase()), categories));
    const summary = (committed: boolean): ImportPreview => ({
      committed,
      rows: preview,
      created: preview.filter((r) => r.action === 'CREATE').length,
      updated: preview.filter((r) => r.action === 'UPDATE').length,
      unchanged: preview.filter((r) => r.action === 'UNCHANGED').length,
      errors: preview.filter((r) => r.action === 'ERROR').length,
    });
    if (!commit) return summary(false);
    const result = summary(false);
    if (result.errors > 0) {
      throw new DomainError('BAD_USER_INPUT', `${result.errors} row(s) have errors: nothing was imported.`, { fields: [{ field: 'file', message: 'rows have errors' }], preview: result });
    }
    if (result.created + result.updated === 0) return summary(true);
    try {
      await this.journal.record(async (tx) => {
        const known = await tx.find(EquipmentCategory, {});
        const categoryOf = async (row: ImportRow): Promise<EquipmentCategory> => {
          let top = known.find((c) => !c.parent && c.name.toLowerCase() === row.category.toLowerCase());
          if (!top) {
            known.push((top = tx.create(EquipmentCategory, { name: row.category, parent: null })));
            // Written at once: subcategories inserted in the same batch would get their parent only afterwards.
            await tx.flush();
          }
          if (!row.subcategory) return top;
          let sub = known.find((c) => c.parent?.id === top!.id && c.name.toLowerCase() === row.subcategory!.toLowerCase());
          if (!sub) known.push((sub = tx.create(EquipmentCategory, { name: row.subcategory, parent: top })));
          return sub;
        };
        for (const [index, row] of rows.entries()) {
          const planned = preview[index];
          if (planned.action === 'UNCHANGED') continue;
          const category = await categoryOf(row);
          const current = byCode.get(row.code.toLowerCase());
          const item = current
            ? await tx.findOneOrFail(EquipmentItem, current.id)
            : tx.create(EquipmentItem, { code: row.code, name: row.name, category, kind: row.kind as EquipmentKind, quantity: 0, qrCode: newQrCode() });
          item.name = row.name;
          item.category = category;
          if (row.kind === EquipmentKind.BULK && row.quantity !== null) item.quantity = row.quantity;
          if (row.notes !== null) item.notes = row.notes;
          if (current) item.version += 1;
          const have = new Set((current?.serials ?? []).map((s) => s.toLowerCase()));
          for (const serial of row.serials) if (!have.has(serial.toLowerCase())) tx.create(EquipmentUnit, { item, serial, qrCode: newQrCode() });
        }
        const changed = preview.filter((r) => r.action !== 'UNCHANGED');
        return {
          result: null,
          journal: [
            {
              actor: viewer,
              action: 'equipment.import',
              objectType: 'EquipmentItem',
              summary: `Catalogue imported: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
              changes: changed.slice(0, 200).map((r) => ({ field: r.code, oldValue: r.action === 'CREATE' ? null : r.changes.join('; '), newValue: r.action })),
              context: { created: result.created, updated: result.updated, unchanged: result.unchanged },
            },
          ],
        };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new DomainError('CONFLICT', 'Someone changed the catalogue while importing: preview the file again.', {});
      }
      throw error;
    }
    return summary(true);
  }

  private plan(row: ImportRow, current: ExistingItem | undefined, categories: CategoryRow[]): ImportPreviewRow {
    const errors = [...row.errors];
    const base = { row: row.row, code: row.code, name: row.name };
    if (current && current.kind !== row.kind && (row.kind === 'BULK' || row.kind === 'SERIALISED')) {
      errors.push(`kind: ${current.code} is ${current.kind}; it cannot become ${row.kind}`);
    }
    if (errors.length) return { ...base, action: 'ERROR', changes: [], errors };
    if (!current) return { ...base, action: 'CREATE', changes: [], errors: [] };
    const changes: string[] = [];
    if (current.name !== row.name) changes.push(`name: ${current.name} → ${row.name}`);
    const top = categories.find((c) => !c.parent_id && c.name.toLowerCase() === row.category.toLowerCase());
    const target = row.subcategory ? categories.find((c) => top && c.parent_id === top.id && c.name.toLowerCase() === row.subcategory!.toLowerCase()) : top;
    if (!target || target.id !== current.category_id) changes.push(`category: → ${row.category}${row.subcategory ? ` / ${row.subcategory}` : ''}`);
    if (row.kind === 'BULK' && row.quantity !== null && row.quantity !== current.quantity) changes.push(`quantity: ${current.quantity} → ${row.quantity}`);
    if (row.notes !== null && row.notes !== (current.notes ?? null)) changes.push('notes');
    const have = new Set((current.serials ?? []).map((s) => s.toLowerCase()));
    const added = row.serials.filter((s) => !have.has(s.toLowerCase()));
    if (added.length) changes.push(`units: + ${added.join(', ')}`);
    return { ...base, action: changes.length ? 'UPDATE' : 'UNCHANGED', changes, errors: [] };
  }
}
