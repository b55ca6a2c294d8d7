import 'reflect-metadata';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookie } from 'cookie';
import DataLoader from 'dataloader';
import express from 'express';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../common/database-availability.js';
import { BadUserInputError, DomainError, ServiceUnavailableError } from '../common/errors.js';
import { createLogger, type Logger } from '../common/logger.js';
import { connectOrm, migrate } from '../database/orm.js';
import type { RequestContext } from '../graphql/context.js';
import { formatError } from '../graphql/format-error.js';
import { journalRefusals } from '../modules/journal/refusal-journal.js';
import { logoRoutes } from '../modules/settings/logo.routes.js';
import { CalendarFeedTokenResolver } from '../modules/ical/calendar-feed-token.resolver.js';
import { CalendarFeedTokenService } from '../modules/ical/calendar-feed-token.service.js';
import { jsonDeeperThan, LIMITS, limitRules } from '../graphql/limits.js';
import { guardOperation, checkInputValues } from '../graphql/operation-guard.js';
import { buildLoadoutSchema } from '../graphql/schema.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { BackupResolver } from '../modules/backups/backup.resolver.js';
import { BackupService } from '../modules/backups/backup.service.js';
import { backupRoutes } from '../modules/backups/backup.routes.js';
import { paperworkRoutes } from '../modules/paperwork/paperwork.routes.js';
import { SESSION_COOKIE } from '../modules/auth/session-token.js';
import { hasAnyAccount } from '../modules/demo/demo-data.js';
import { ClientResolver } from '../modules/clients/client.resolver.js';
import { CrewRoleResolver } from '../modules/crew-roles/crew-role.resolver.js';
import { DashboardResolver } from '../modules/dashboard/dashboard.resolver.js';
import { EquipmentCatalogueResolver } from '../modules/equipment/equipment-catalogue.resolver.js';
import { EventEquipmentResolver } from '../modules/equipment/event-equipment.resolver.js';
import { RepairResolver } from '../modules/equipment/repair.resolver.js';
import { WarehouseResolver } from '../modules/equipment/warehouse.resolver.js';
import { mountEquipmentRoutes } from '../modules/equipment/equipment.routes.js';
import { CalendarLiveResolver } from '../modules/events/calendar-live.resolver.js';
import { ProductionEventResolver } from '../modules/events/production-event.resolver.js';
import { JournalResolver } from '../modules/journal/journal.resolver.js';
import { PresenceResolver } from '../modules/presence/presence.resolver.js';
import { PresenceService, PRESENCE_TTL_MS } from '../modules/presence/presence.service.js';
import { ReportResolver } from '../modules/reports/report.resolver.js';
import { reportsWorkbookRoute } from '../modules/reports/reports.http.js';
import { ServiceStatusResolver } from '../modules/service-status/service-status.resolver.js';
import { SettingsResolver } from '../modules/settings/settings.resolver.js';
import { VenueResolver } from '../modules/venues/venue.resolver.js';
import { AppInfoResolver } from '../modules/settings/app-info.resolver.js';
import { StaffResolver } from '../modules/staff/staff.resolver.js';
import { User } from '../modules/staff/user.entity.js';
import { JournalBus } from '../realtime/journal-bus.js';
import { startLiveServer } from '../realtime/ws-server.js';
import type { FanoutMetrics } from '../realtime/shared-subscriptions.js';
import { WebhookDispatcher, type WebhookDispatcherOptions } from '../modules/webhooks/webhook-dispatcher.js';
import { WebhookResolver } from '../modules/webhooks/webhook.resolver.js';
import { WebhookService } from '../modules/webhooks/webhook.service.js';
import { openDatabase } from './database.js';
import { createServices, seedInstallation, type Services } from './services.js';
import { assignRequestId, csrfGuard, currentRequestId, jsonDepthGuard, jsonErrorHandler, originChecker, requestScope, serveWebApp } from './http-app.js';

export interface BootstrapOptions {
  /** 0 picks a free port. Default 4000. */
  port?: number;
  host?: string;
  /** Unset: embedded PostgreSQL in `<dataDir>/pg`. */
  databaseUrl?: string;
  dataDir?: string;
  /** The address people open; default http://localhost:<port>. */
  publicUrl?: string;
  allowedOrigins?: string[];
  /**
   * Demo data: true = accounts and about three months of events; 'accounts' = the accounts only
   * (what tests want). Default: everything on the first start of the embedded database.
   */
  demo?: boolean | 'accounts';
  introspection?: boolean;
  sessionTtlDays?: number;
  trustProxy?: boolean;
  logger?: Logger;
  /** Folder of the built web app; default `web/dist` of this repository. */
  webDist?: string;
  /** How long a presence entry lives without a heartbeat (default 30 s; tests shorten it). */
  presenceTtlMs?: number;
  /** Count SQL statements per request id (tests and benchmarks read them with `statementsOf`). */
  countStatements?: boolean;
  /** Where `runBackup` writes backups; default `./backups`. */
  backupDir?: string;
  /** Webhook delivery timing (tests shorten it). */
  webhooks?: WebhookDispatcherOptions;
  /** Carry the live bus's wake-ups through Redis pub/sub instead of PostgreSQL NOTIFY. */
  redisUrl?: string;
  /** How often WebSocket clients are pinged (default 12 s; tests shorten it). */
  keepAliveMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  databaseUrl: string;
  orm: MikroORM;
  bus: JournalBus;
  journal: Services['journal'];
  staff: Services['staff'];
  events: Services['events'];
  clients: Services['clients'];
  crewRoles: Services['crewRoles'];
  settings: Services['settings'];
  backups: BackupService;
  /** Counters of the shared subscription fan-out (executions per change, frames sent); for tests and benchmarks. */
  fanout: FanoutMetrics;
  /** SQL statements run for one request id, when `countStatements` is on. */
  statementsOf(requestId: string): number;
  /** How often the live calendar feed read events from the database for journal entries (tests). */
  calendarReads(): number;
  /** Drains HTTP and WebSocket connections, then stops the bus, the ORM and the embedded database. */
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultWebDist = path.resolve(here, '../../../web/dist');

/** Starts Loadout: database, migrations, base data, live bus, HTTP + WebSocket on one port. */
/**
 * A refusal before execution (a subscription over HTTP, introspection without a session) as a
 * GraphQL error with the HTTP status to send: 400 for a bad request, 200 as for execution errors.
 */
function refusedOperation(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status: error.code === 'BAD_USER_INPUT' ? 400 : 200 } } });
}

export async function bootstrap(options: BootstrapOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger('info');
  const introspection = options.introspection ?? true;
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir ?? './.data', logger });
  const cleanup: Array<() => Promise<unknown>> = [() => database.stop()];
  const stopAll = async () => {
    for (const step of cleanup.reverse()) await step().catch((error: Error) => logger.warn('Shutdown step failed', { error: error.message }));
  };

  try {
    const statementCounter = options.countStatements ? new Map<string, number>() : undefined;
    const orm = await connectOrm(database.url, logger, {
      onStatement: statementCounter
        ? () => {
            const requestId = requestScope.getStore()?.requestId;
            if (requestId) statementCounter.set(requestId, (statementCounter.get(requestId) ?? 0) + 1);
          }
        : undefined,
    });
    cleanup.push(() => orm.close());
    const applied = await migrate(orm);
    if (applied.length > 0) logger.info(`Applied migrations: ${applied.join(', ')}`);

    const services = createServices(orm);
    const { journal, staff, settings, clients, venues, crewRoles, readModel, events, calendar, reports, dashboards, catalogue, eventEquipment, repairs, warehouse } = services;
    const auth = new AuthService(orm, journal, { sessionTtlDays: options.sessionTtlDays ?? 30 });
    const backups = new BackupService(orm, journal, database.url, path.resolve(options.backupDir ?? 'backups'));
    const presence = new PresenceService(orm, logger, options.presenceTtlMs ?? PRESENCE_TTL_MS);

    const firstStart = !(await hasAnyAccount(orm));
    await seedInstallation(orm, services, options.demo ?? (database.embedded && firstStart), logger);
    if (firstStart && !(await hasAnyAccount(orm))) {
      logger.warn('No accounts yet: create the first administrator with `npm run cli -- create-admin --email you@example.com --name "Your Name"`');
    }

    const bus = new JournalBus(database.url, journal, logger, { redisUrl: options.redisUrl });
    await bus.start();
    cleanup.push(() => bus.stop());
    presence.start();
    cleanup.push(async () => presence.stop());
    const webhooks = new WebhookService(orm, journal);
    const dispatcher = new WebhookDispatcher(orm, bus, logger, options.webhooks);
    dispatcher.start();
    // Stopped before the bus and the ORM: a delivery in flight finishes and commits its cursor.
    cleanup.push(() => dispatcher.stop());

    let publicUrlOf = '';
    const feeds = new CalendarFeedTokenService(orm, journal, readModel, settings, () => publicUrlOf);
    const resolverInstances = new Map<unknown, unknown>([
      [CalendarFeedTokenResolver, new CalendarFeedTokenResolver(feeds)],
      [AppInfoResolver, new AppInfoResolver(settings)],
      [AuthResolver, new AuthResolver(auth, staff)],
      [BackupResolver, new BackupResolver(backups)],
      [CalendarLiveResolver, new CalendarLiveResolver(journal, calendar)],
      [ClientResolver, new ClientResolver(clients)],
      [CrewRoleResolver, new CrewRoleResolver(crewRoles)],
      [DashboardResolver, new DashboardResolver(dashboards)],
      [EquipmentCatalogueResolver, new EquipmentCatalogueResolver(catalogue)],
      [EventEquipmentResolver, new EventEquipmentResolver(eventEquipment)],
      [RepairResolver, new RepairResolver(repairs)],
      [WarehouseResolver, new WarehouseResolver(warehouse)],
      [JournalResolver, new JournalResolver(journal)],
      [PresenceResolver, new PresenceResolver(presence)],
      [ProductionEventResolver, new ProductionEventResolver(events, readModel)],
      [ReportResolver, new ReportResolver(reports)],
      [ServiceStatusResolver, new ServiceStatusResolver()],
      [SettingsResolver, new SettingsResolver(settings)],
      [StaffResolver, new StaffResolver(staff)],
      [VenueResolver, new VenueResolver(venues)],
      [WebhookResolver, new WebhookResolver(webhooks)],
    ]);
    const schema = await buildLoadoutSchema({ get: (someClass) => resolverInstances.get(someClass) });

    const createLoaders = (): RequestContext['loaders'] => ({
      user: new DataLoader(async (ids: readonly string[]) => {
        const users = await orm.em.fork().find(User, { id: { $in: [...ids] } }, { populate: ['role'] });
        const byId = new Map(users.map((user) => [user.id, user]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    });
    // Loaders are made on first use: thousands of open subscriptions never need theirs.
    const createContext = (base: Omit<RequestContext, 'loaders' | 'bus' | 'calendar' | 'presence'>): RequestContext => {
      let loaders: RequestContext['loaders'] | undefined;
      return {
        ...base,
        bus,
        calendar,
        presence,
        get loaders() {
          return (loaders ??= createLoaders());
        },
      };
    };

    const app = express();
    app.disable('x-powered-by');
    app.set('trust proxy', options.trustProxy ?? false);
    const httpServer = http.createServer(app);

    const apollo = new ApolloServer<RequestContext>({
      schema,
      logger,
      // Introspection policy (signed-in only, or off) is applied by guardOperation on both transports.
      introspection: true,
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: true,
      csrfPrevention: true,
      validationRules: limitRules(),
      parseOptions: { maxTokens: LIMITS.maxTokens },
      formatError: (formatted, error) => formatError(formatted, error, currentRequestId(), logger),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5000 }),
        ApolloServerPluginLandingPageDisabled(),
        // No HTTP caching of GraphQL responses here; the default plugin would wrap every field resolver.
        ApolloServerPluginCacheControlDisabled(),
        {
          async requestDidStart() {
            return {
              async didEncounterErrors({ errors, contextValue, operationName }) {
                await journalRefusals(journal, logger, contextValue.viewer, errors, { transport: 'http', ip: contextValue.ip, operationName });
              },
              async didResolveOperation({ document, contextValue, operation, request }) {
                try {
                  checkInputValues(document, request.variables);
                  if (operation?.operation === 'subscription') {
                    throw new BadUserInputError([{ field: 'query', message: 'subscriptions are served over WebSocket (graphql-ws) on /graphql' }]);
                  }
                  guardOperation(document, contextValue.viewer, { introspection });
                } catch (error) {
                  // Apollo answers an error thrown from a request hook with HTTP 500 unless told otherwise.
                  throw error instanceof DomainError ? refusedOperation(error) : error;
                }
              },
              async willSendResponse({ response }) {
                // Nothing answered because the database is away: a 503, so proxies and clients may retry.
                if (response.body.kind !== 'single') return;
                const { data, errors } = response.body.singleResult;
                if (errors?.length && !data && errors.every((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) response.http.status = 503;
              },
            };
          },
        },
      ],
    });
    await apollo.start();
    cleanup.push(() => apollo.stop());

    const port = await new Promise<number>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? 4000, options.host ?? '0.0.0.0', () => {
        const address = httpServer.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
    const publicUrl = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
    publicUrlOf = publicUrl;
    const isOriginAllowed = originChecker(new Set([new URL(publicUrl).origin, ...(options.allowedOrigins ?? [])]));
    const secureCookies = publicUrl.startsWith('https:');

    app.use(assignRequestId);
    app.get('/healthz', async (_req, res) => {
      const ok = await Promise.race([
        orm.em.fork().execute('select 1').then(() => true, () => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
      ]);
      res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database: ok ? 'up' : 'down', bus: bus.connected ? 'up' : 'down' });
    });
    app.get('/ical/:file', async (req, res, next) => {
      try {
        const match = /^(.+)\.ics$/.exec(req.params.file);
        const body = match ? await feeds.feed(match[1]) : null;
        if (body === null) {
          res.status(404).type('text/plain').send('Not found');
          return;
        }
        res.setHeader('Cache-Control', 'private, max-age=300');
        res.type('text/calendar; charset=utf-8').send(body);
      } catch (error) {
        next(error);
      }
    });
    app.use('/api/settings/logo', logoRoutes({ settings, auth, journal, logger, isOriginAllowed }));
    app.use(
      '/graphql',
      csrfGuard(isOriginAllowed),
      express.json({ limit: LIMITS.maxBodyBytes }),
      jsonDepthGuard(LIMITS.maxJsonDepth, jsonDeeperThan),
      expressMiddleware(apollo, {
        context: async ({ req, res }) => {
          const token = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
          return createContext({
            requestId: currentRequestId(),
            transport: 'http',
            viewer: await auth.resolveSession(token).catch((error: unknown) => {
              // Answered 503 with SERVICE_UNAVAILABLE rather than a 500: the request may simply be retried.
              if (isDatabaseUnavailable(error)) {
                throw new GraphQLError('Database unavailable', { originalError: new ServiceUnavailableError(), extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
              }
              throw error;
            }),
            ip: req.ip,
            userAgent: req.get('user-agent'),
            cookies: {
              set: (value, maxAgeSeconds) =>
                res.cookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', maxAge: maxAgeSeconds * 1000 }),
              clear: () => res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/' }),
            },
          });
        },
      }),
    );
    const viewerOfRequest = (req: express.Request) => auth.resolveSession(parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE]);
    app.use('/backups', backupRoutes(backups, viewerOfRequest));
    app.use('/api', paperworkRoutes(events, settings, viewerOfRequest, { orm, eventEquipment }));
    app.get('/api/reports.xlsx', reportsWorkbookRoute(auth, reports, logger));
    mountEquipmentRoutes(app, {
      orm,
      catalogue,
      importer: services.equipmentImport,
      publicUrl,
      isOriginAllowed,
      resolveViewer: (req) => auth.resolveSession(parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE]),
    });
    serveWebApp(app, options.webDist ?? defaultWebDist);
    app.use(jsonErrorHandler(logger));

    const live = startLiveServer({
      httpServer,
      schema,
      auth,
      bus,
      logger,
      introspection,
      isOriginAllowed,
      createContext,
      onErrors: (viewer, errors, origin) => journalRefusals(journal, logger, viewer, errors, origin),
      keepAliveMs: options.keepAliveMs,
    });
    // Closed before Apollo drains HTTP, so open sockets do not hold the shutdown.
    cleanup.push(() => live.close());

    let stopping: Promise<void> | undefined;
    return {
      url: `http://localhost:${port}`,
      port,
      databaseUrl: database.url,
      orm,
      bus,
      journal,
      staff,
      events,
      clients,
      crewRoles,
      settings,
      backups,
      fanout: live.fanout,
      statementsOf: (requestId) => statementCounter?.get(requestId) ?? 0,
      calendarReads: () => calendar.reads,
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
