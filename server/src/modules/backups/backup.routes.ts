import express, { type Request, type Router } from 'express';
import { DomainError } from '../../common/errors.js';
import type { Viewer } from '../../graphql/context.js';
import { errorBody } from '../../app/http-app.js';
import type { BackupService } from './backup.service.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** `GET /backups/<name>`: downloads a backup, for a signed-in session with `backup:run`. */
export function backupRoutes(backups: BackupService, viewerOf: (req: Request) => Promise<Viewer | null>): Router {
  const router = express.Router();
  router.get('/:name', async (req, res, next) => {
    try {
      const viewer = await viewerOf(req);
      const file = await backups.fileFor(viewer!, req.params.name);
      res.setHeader('Cache-Control', 'no-store');
      res.download(file, req.params.name, { headers: { 'Content-Type': 'application/gzip' } }, (error) => error && !res.headersSent && next(error));
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) res.status(STATUS[error.code]).json(errorBody(error.code, error.message));
      else next(error);
    }
  });
  return router;
}
