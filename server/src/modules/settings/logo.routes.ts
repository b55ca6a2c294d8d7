import express, { type Router } from 'express';
import { parse as parseCookie } from 'cookie';
import { DomainError } from '../../common/errors.js';
import type { Logger } from '../../common/logger.js';
import { errorBody } from '../../app/http-app.js';
import type { AuthService } from '../auth/auth.service.js';
import { SESSION_COOKIE } from '../auth/session-token.js';
import type { JournalService } from '../journal/journal.service.js';
import { LOGO_MAX_BYTES, type SettingsService } from './settings.service.js';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, PAYLOAD_TOO_LARGE: 413 };

/**
 * `GET /api/settings/logo` (public: the login page shows it), `PUT` with the image as the body and
 * `DELETE` (both `settings:manage`, same-origin only). A file upload is where GraphQL is the wrong tool.
 */
export function logoRoutes(options: {
  settings: SettingsService;
  auth: AuthService;
  journal: JournalService;
  logger: Logger;
  isOriginAllowed(origin: string | undefined, host: string | undefined): boolean;
}): Router {
  const router = express.Router();
  router.get('/', async (_req, res, next) => {
    try {
      const logo = await options.settings.logo();
      if (!logo) {
        res.status(404).json(errorBody('NOT_FOUND', 'There is no company logo.'));
        return;
      }
      res.setHeader('Content-Type', logo.contentType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.setHeader('Last-Modified', logo.updatedAt.toUTCString());
      res.send(logo.data);
    } catch (error) {
      next(error);
    }
  });

  const guarded = async (req: express.Request, res: express.Response, work: (viewer: NonNullable<Awaited<ReturnType<AuthService['resolveSession']>>>) => Promise<unknown>) => {
    if (!options.isOriginAllowed(req.get('origin'), req.get('host'))) {
      res.status(403).json(errorBody('FORBIDDEN', 'Cross-site request refused.'));
      return;
    }
    const viewer = await options.auth.resolveSession(parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE]);
    if (!viewer) {
      res.status(401).json(errorBody('UNAUTHENTICATED', 'Sign in to continue.'));
      return;
    }
    if (!viewer.permissions.has('settings:manage')) {
      await options.journal
        .record(async () => ({
          result: undefined,
          journal: [
            {
              actor: viewer,
              action: 'auth.forbidden',
              objectType: 'Operation',
              objectId: `${req.method} /api/settings/logo`,
              summary: `${viewer.name} was refused ${req.method} /api/settings/logo (needs settings:manage)`,
              context: { permission: 'settings:manage', transport: 'http', ip: req.ip },
            },
          ],
        }))
        .catch((error: Error) => options.logger.error('Could not journal a permission refusal', { error: error.message }));
      res.status(403).json(errorBody('FORBIDDEN', 'You need the "settings:manage" permission for this.', { permission: 'settings:manage' }));
      return;
    }
    try {
      await work(viewer);
    } catch (error) {
      if (error instanceof DomainError) res.status(STATUS[error.code] ?? 400).json(errorBody(error.code, error.message, error.details));
      else throw error;
    }
  };

  router.put('/', express.raw({ type: () => true, limit: LOGO_MAX_BYTES }), async (req, res, next) => {
    try {
      await guarded(req, res, async (viewer) => {
        const updatedAt = await options.settings.setLogo(viewer, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
        res.json({ logoUrl: `/api/settings/logo?v=${updatedAt.getTime()}` });
      });
    } catch (error) {
      next(error);
    }
  });
  router.delete('/', async (req, res, next) => {
    try {
      await guarded(req, res, async (viewer) => {
        await options.settings.removeLogo(viewer);
        res.json({ logoUrl: null });
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
