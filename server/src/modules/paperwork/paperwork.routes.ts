import express, { type Request, type Router } from 'express';
import { DomainError } from '../../common/errors.js';
import { errorBody } from '../../app/http-app.js';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { Viewer } from '../../graphql/context.js';
import type { ProductionEventService } from '../events/production-event.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { pgArray } from '../../database/orm.js';
import type { EventEquipmentService } from '../equipment/event-equipment.service.js';
import { renderCallSheet, type PaperworkLanguage } from './call-sheet.pdf.js';
import { renderPackingList } from './packing-list.pdf.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

function languageOf(req: Request, defaultLanguage: string): PaperworkLanguage {
  return req.query['lang'] === 'ru' ? 'ru' : req.query['lang'] === 'en' ? 'en' : defaultLanguage === 'ru' ? 'ru' : 'en';
}

/**
 * `GET /api/events/<id>/call-sheet.pdf[?lang=ru]`: the event's call sheet, for `event:read`;
 * `GET /api/events/<id>/packing-list.pdf[?lang=ru]`: its packing list, for `event:read` + `equipment:read`.
 */
export function paperworkRoutes(
  events: ProductionEventService,
  settings: SettingsService,
  viewerOf: (req: Request) => Promise<Viewer | null>,
  gear: { orm: MikroORM; eventEquipment: EventEquipmentService },
): Router {
  const router = express.Router();
  router.get('/events/:id/call-sheet.pdf', async (req, res, next) => {
    try {
      const viewer = requirePermissions(await viewerOf(req), ['event:read']);
      const event = await events.get(req.params.id);
      const company = await settings.get();
      const language = languageOf(req, company.defaultLanguage);
      const pdf = await renderCallSheet(event, { language, companyName: company.name, showClientContact: viewer.permissions.has('client:read') });
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `inline; filename="call-sheet-${event.id}.pdf"`);
      res.setHeader('Cache-Control', 'no-store');
      res.send(pdf);
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) res.status(STATUS[error.code]).json(errorBody(error.code, error.message));
      else next(error);
    }
  });
  router.get('/events/:id/packing-list.pdf', async (req, res, next) => {
    try {
      requirePermissions(await viewerOf(req), ['event:read', 'equipment:read']);
      const event = await events.get(req.params.id);
      const em = gear.orm.em.fork();
      const equipment = await gear.eventEquipment.get(event.id, em);
      const itemIds = [...new Set(equipment.lines.map((line) => line.item.id))];
      const categories = itemIds.length === 0 ? [] : await em.execute<Array<{ id: string; path: string }>>(
        `select i.id, coalesce(p.name || ' / ', '') || c.name as path
           from equipment_item i join equipment_category c on c.id = i.category_id left join equipment_category p on p.id = c.parent_id
          where i.id = any(?::uuid[])`,
        [pgArray(itemIds)],
      );
      const company = await settings.get();
      const pdf = await renderPackingList(event, equipment, {
        language: languageOf(req, company.defaultLanguage),
        companyName: company.name,
        categoryOf: new Map(categories.map((row) => [row.id, row.path])),
      });
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `inline; filename="packing-list-${event.id}.pdf"`);
      res.setHeader('Cache-Control', 'no-store');
      res.send(pdf);
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) res.status(STATUS[error.code]).json(errorBody(error.code, error.message));
      else next(error);
    }
  });
  return router;
}
