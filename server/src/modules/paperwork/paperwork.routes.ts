import express, { type Request, type Router } from 'express';
import { DomainError } from '../../common/errors.js';
import { errorBody } from '../../app/http-app.js';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { Viewer } from '../../graphql/context.js';
import type { ProductionEventService } from '../events/production-event.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { renderCallSheet, type PaperworkLanguage } from './call-sheet.pdf.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/** `GET /api/events/<id>/call-sheet.pdf[?lang=ru]`: the event's call sheet, for `event:read`. */
export function paperworkRoutes(events: ProductionEventService, settings: SettingsService, viewerOf: (req: Request) => Promise<Viewer | null>): Router {
  const router = express.Router();
  router.get('/events/:id/call-sheet.pdf', async (req, res, next) => {
    try {
      const viewer = requirePermissions(await viewerOf(req), ['event:read']);
      const event = await events.get(req.params.id);
      const company = await settings.get();
      const language: PaperworkLanguage = req.query['lang'] === 'ru' ? 'ru' : req.query['lang'] === 'en' ? 'en' : company.defaultLanguage === 'ru' ? 'ru' : 'en';
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
  return router;
}
