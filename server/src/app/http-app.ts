import { existsSync } from 'node:fs';
import path from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { ErrorCode } from '../common/errors.js';

/** Per-request facts available anywhere down the call chain (the error formatter uses the id). */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string {
  return requestScope.getStore()?.requestId ?? randomUUID();
}

export function errorBody(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

export const assignRequestId: RequestHandler = (req, res, next) => {
  const requestId = randomUUID();
  res.setHeader('X-Request-Id', requestId);
  requestScope.run({ requestId }, next);
};

/** Same-origin (Origin matches Host) or an origin from the configured list. No Origin: not a browser. */
export function originChecker(allowedOrigins: ReadonlySet<string>) {
  return (origin: string | undefined, host: string | undefined): boolean => {
    if (!origin) return true;
    if (allowedOrigins.has(origin)) return true;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  };
}

/**
 * Refuses cross-site requests before they reach GraphQL: a browser form or a `text/plain` fetch from
 * another site cannot carry `application/json` without a preflight, and its Origin is checked.
 */
export function csrfGuard(isOriginAllowed: (origin: string | undefined, host: string | undefined) => boolean): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    if (!isOriginAllowed(req.get('origin'), req.get('host'))) {
      res.status(403).json(errorBody('FORBIDDEN', 'Cross-site request refused.'));
      return;
    }
    if (!req.is('application/json')) {
      res.status(415).json(errorBody('BAD_USER_INPUT', 'Send GraphQL requests as application/json.'));
      return;
    }
    next();
  };
}

/**
 * Refuses a JSON body nested deeper than `maxDepth`: parsed fine, but recursive code further down
 * (variable coercion, formatting) would overflow the stack on it and answer with a 500.
 */
export function jsonDepthGuard(maxDepth: number, jsonDeeperThan: (value: unknown, max: number) => boolean): RequestHandler {
  return (req, res, next) => {
    if (jsonDeeperThan(req.body, maxDepth)) {
      res.status(400).json(errorBody('BAD_USER_INPUT', `The request body is nested more than ${maxDepth} levels deep.`));
      return;
    }
    next();
  };
}

export function jsonErrorHandler(logger: { error(message: string, fields?: Record<string, unknown>): void }): ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string; stack?: string }, _req, res, _next) => {
    if (error.type === 'entity.too.large') {
      res.status(413).json(errorBody('PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MB.'));
    } else if (error.type === 'entity.parse.failed') {
      res.status(400).json(errorBody('BAD_USER_INPUT', 'The request body is not valid JSON.'));
    } else if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
      res.status(415).json(errorBody('BAD_USER_INPUT', 'Send the request body as UTF-8 JSON, without a content encoding.'));
    } else if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      // Any other refusal of the body by the parser (an aborted or mis-sized request): the client's doing.
      res.status(error.status).json(errorBody('BAD_USER_INPUT', 'The request body could not be read.'));
    } else {
      const requestId = currentRequestId();
      logger.error('Unexpected HTTP error', { requestId, message: error.message, stack: error.stack });
      res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', `Internal server error (request ${requestId}).`, { requestId }));
    }
  };
}

/** Serves the built web app with an SPA fallback (every non-API GET that wants HTML gets index.html). */
export function serveWebApp(app: Express, webDist: string): void {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('The web app is not built yet: run `npm run build` (npm start does it for you).');
    });
    return;
  }
  app.use('/assets', express.static(path.join(webDist, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  app.use(express.static(webDist, { index: false }));
  app.use((req, res, next) => {
    if (req.method !== 'GET' || !req.accepts('html') || /^\/(graphql|api|healthz|ical)(\/|$)/.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
