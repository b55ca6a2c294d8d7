import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DomainError, type ErrorCode } from '../../common/errors.js';
import { errorBody } from '../../app/http-app.js';
import type { Viewer } from '../../graphql/context.js';
import type { EquipmentCatalogueService } from './equipment-catalogue.service.js';
import { IMPORT_LIMITS, workbookOf } from './equipment-excel.js';
import type { EquipmentImportService } from './equipment-import.service.js';
import { labelSheet, LABEL_LAYOUTS, type LabelLayout } from './equipment-labels.js';
import { checkId } from './event-equipment.service.js';

export interface EquipmentRoutesDeps {
  orm: MikroORM;
  catalogue: EquipmentCatalogueService;
  importer: EquipmentImportService;
  publicUrl: string;
  resolveViewer(req: Request): Promise<Viewer | null>;
  isOriginAllowed(origin: string | undefined, host: string | undefined): boolean;
}

const STATUS: Partial<Record<ErrorCode, number>> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413 };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Handler = (req: Request, res: Response, viewer: Viewer) => Promise<void>;

/** Runs a REST handler for a viewer holding every permission; domain errors become the usual error body. */
function guarded(deps: EquipmentRoutesDeps, permissions: string[], handler: Handler): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const viewer = await deps.resolveViewer(req);
      if (!viewer) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue.');
      const missing = permissions.find((permission) => !viewer.permissions.has(permission));
      if (missing) throw new DomainError('FORBIDDEN', `You need the "${missing}" permission for this.`, { permission: missing });
      await handler(req, res, viewer);
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) {
        res.status(STATUS[error.code]!).json(errorBody(error.code, error.message, error.details));
        return;
      }
      next(error);
    }
  };
}

function ids(value: unknown, field: string): string[] {
  const list = typeof value === 'string' && value ? value.split(',').map((id) => id.trim()) : [];
  list.forEach((id) => checkId(id, field, 'a valid'));
  return list;
}

function sendFile(res: Response, type: string, name: string, body: Buffer): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(body);
}

/**
 * The store's REST side routes (where GraphQL is the wrong tool): label sheets as PDF, the
 * catalogue import from .xlsx and the .xlsx exports. Same session cookie, same permissions,
 * same error body as the GraphQL endpoint.
 */
export function mountEquipmentRoutes(app: Express, deps: EquipmentRoutesDeps): void {
  app.get(
    '/api/labels.pdf',
    guarded(deps, ['equipment:manage'], async (req, res) => {
      const layout = (req.query.layout ?? 'small') as LabelLayout;
      if (!(layout in LABEL_LAYOUTS)) throw new DomainError('BAD_USER_INPUT', 'layout is small or large.', { fields: [{ field: 'layout', message: 'is small or large' }] });
      const categoryId = typeof req.query.categoryId === 'string' && req.query.categoryId ? req.query.categoryId : undefined;
      const labels = await deps.catalogue.labelsFor(
        { itemIds: ids(req.query.itemIds, 'itemIds'), unitIds: ids(req.query.unitIds, 'unitIds'), caseIds: ids(req.query.caseIds, 'caseIds'), categoryId },
        deps.publicUrl,
      );
      if (labels.length === 0) throw new DomainError('BAD_USER_INPUT', 'Nothing to print: choose items, units, cases or a category.', { fields: [{ field: 'selection', message: 'is empty' }] });
      sendFile(res, 'application/pdf', `labels-${layout}.pdf`, await labelSheet(labels, layout));
    }),
  );

  const upload = express.raw({ type: () => true, limit: IMPORT_LIMITS.maxFileBytes });
  app.post(
    '/api/import/equipment',
    (req, res, next) => {
      if (!deps.isOriginAllowed(req.get('origin'), req.get('host'))) {
        res.status(403).json(errorBody('FORBIDDEN', 'Cross-site request refused.'));
        return;
      }
      upload(req, res, (error?: { type?: string }) => {
        if (error?.type === 'entity.too.large') {
          res.status(413).json(errorBody('PAYLOAD_TOO_LARGE', `The file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`));
          return;
        }
        next(error);
      });
    },
    guarded(deps, ['equipment:manage'], async (req, res, viewer) => {
      const file = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (file.length === 0) throw new DomainError('BAD_USER_INPUT', 'Send the .xlsx file as the request body.', { fields: [{ field: 'file', message: 'is empty' }] });
      const commit = req.query.commit === '1' || req.query.commit === 'true';
      res.json(await deps.importer.run(viewer, file, commit));
    }),
  );

  app.get(
    '/api/export/equipment-catalogue.xlsx',
    guarded(deps, ['equipment:read'], async (_req, res) => {
      const rows = await deps.orm.em.fork().execute<Array<Record<string, string | number | null>>>(
        `select i.code, i.name, coalesce(p.name, c.name) as category, case when p.id is null then null else c.name end as subcategory, i.kind,
                case when i.kind = 'BULK' then i.quantity end as quantity,
                (select string_agg(u.serial, ', ' order by u.serial) from equipment_unit u where u.item_id = i.id and u.written_off_at is null) as serials,
                i.notes
           from equipment_item i join equipment_category c on c.id = i.category_id left join equipment_category p on p.id = c.parent_id
          where i.archived_at is null order by category, subcategory nulls first, i.name`,
      );
      const columns = ['Code', 'Name', 'Category', 'Subcategory', 'Kind', 'Quantity', 'Serials', 'Notes'].map((header) => ({ header, key: header.toLowerCase(), width: header === 'Name' ? 36 : 16 }));
      sendFile(res, XLSX, 'equipment-catalogue.xlsx', await workbookOf([{ name: 'Catalogue', columns, rows }]));
    }),
  );

  app.get(
    '/api/export/equipment-stock.xlsx',
    guarded(deps, ['equipment:read'], async (_req, res) => {
      const page = await deps.catalogue.items({}, 500, 0);
      const all = [...page.items];
      for (let offset = 500; offset < page.total; offset += 500) all.push(...(await deps.catalogue.items({}, 500, offset)).items);
      const rows = all.map((item) => ({ code: item.code, name: item.name, category: item.categoryPath, kind: item.kind, owned: item.owned, inRepair: item.inRepair, out: item.out, inStore: item.owned - item.inRepair - item.out }));
      const columns = [
        { header: 'Code', key: 'code' },
        { header: 'Name', key: 'name', width: 36 },
        { header: 'Category', key: 'category', width: 28 },
        { header: 'Kind', key: 'kind' },
        { header: 'Owned', key: 'owned' },
        { header: 'In repair', key: 'inRepair' },
        { header: 'Out', key: 'out' },
        { header: 'In store', key: 'inStore' },
      ];
      sendFile(res, XLSX, 'equipment-stock.xlsx', await workbookOf([{ name: 'Stock', columns, rows }]));
    }),
  );

  app.get(
    '/api/export/packing-list/:eventId.xlsx',
    guarded(deps, ['event:read', 'equipment:read'], async (req, res) => {
      const eventId = String(req.params.eventId);
      checkId(eventId, 'eventId', 'an event');
      const em = deps.orm.em.fork();
      const [event] = await em.execute<Array<{ title: string; start_date: string }>>('select title, start_date::text as start_date from production_event where id = ?', [eventId]);
      if (!event) throw new DomainError('NOT_FOUND', `Event ${eventId} was not found.`, { objectType: 'Event', id: eventId });
      const rows = await em.execute<Array<Record<string, string | number | null>>>(
        `select case when p.id is null then c.name else p.name || ' / ' || c.name end as category, i.code, i.name,
                case when l.kind = 'EXTRA' then 'Extra: ' || l.reason || ' (' || l.delivery_date || ')' else null end as note,
                l.quantity,
                (select string_agg(u.serial, ', ' order by u.serial) from event_equipment_unit x join equipment_unit u on u.id = x.unit_id
                  where x.event_id = l.event_id and x.item_id = l.item_id and l.kind = 'PLANNED') as units
           from event_equipment l join equipment_item i on i.id = l.item_id join equipment_category c on c.id = i.category_id left join equipment_category p on p.id = c.parent_id
          where l.event_id = ? order by category, i.name, l.kind`,
        [eventId],
      );
      const columns = [
        { header: 'Category', key: 'category', width: 28 },
        { header: 'Code', key: 'code' },
        { header: 'Name', key: 'name', width: 36 },
        { header: 'Quantity', key: 'quantity' },
        { header: 'Units', key: 'units', width: 30 },
        { header: 'Note', key: 'note', width: 30 },
      ];
      const name = `packing-list-${event.start_date}.xlsx`;
      sendFile(res, XLSX, name, await workbookOf([{ name: event.title.slice(0, 31).replace(/[[\]*?/\\:]/g, ' ') || 'Packing list', columns, rows }]));
    }),
  );
}
