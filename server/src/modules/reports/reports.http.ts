import { parse as parseCookie } from 'cookie';
import type { RequestHandler } from 'express';
import { DomainError } from '../../common/errors.js';
import type { Logger } from '../../common/logger.js';
import { currentRequestId, errorBody } from '../../app/http-app.js';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { AuthService } from '../auth/auth.service.js';
import { SESSION_COOKIE } from '../auth/session-token.js';
import { parsePeriod, type ReportService } from './report.service.js';
import { reportSheets, writeWorkbook } from './reports-workbook.js';

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

/**
 * `GET /api/reports.xlsx?from=YYYY-MM-DD&to=YYYY-MM-DD`: every report of the period as one workbook,
 * one sheet per report. Authenticated by the session cookie like /graphql, needs `reports:read`;
 * refusals use the GraphQL error contract's body (`errors[0].extensions.code`). A GET with no side
 * effects, so the CSRF guard (POST only) does not apply; SameSite=Lax keeps other sites' reads out.
 */
export function reportsWorkbookRoute(auth: AuthService, reports: ReportService, logger: Logger): RequestHandler {
  return async (req, res) => {
    try {
      const viewer = await auth.resolveSession(parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE]);
      requirePermissions(viewer, ['reports:read']);
      const period = parsePeriod(req.query.from, req.query.to);
      const em = reports.forkEntityManager();
      const [events, workload, utilisation, repairs] = await Promise.all([
        reports.events(period, em),
        reports.crewWorkload(period, em),
        reports.equipmentUtilisation(period, em),
        reports.repairs(period, em),
      ]);
      const buffer = await writeWorkbook(reportSheets(period, events, workload, utilisation, repairs), `Loadout reports ${period.from} – ${period.to}`);
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="loadout-reports-${period.from}_${period.to}.xlsx"`);
      res.setHeader('Cache-Control', 'no-store');
      res.send(buffer);
    } catch (error) {
      if (error instanceof DomainError) {
        res.status(STATUS_OF[error.code] ?? 400).json(errorBody(error.code, error.message, error.details));
        return;
      }
      const requestId = currentRequestId();
      logger.error('Report workbook failed', { requestId, message: (error as Error).message, stack: (error as Error).stack });
      res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', `Internal server error (request ${requestId}).`, { requestId }));
    }
  };
}
