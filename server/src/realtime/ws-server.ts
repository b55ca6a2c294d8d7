import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { parse as parseCookie } from 'cookie';
import { GraphQLError, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { CloseCode, MessageType } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { DomainError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { RequestContext, Viewer } from '../graphql/context.js';
import { formatError } from '../graphql/format-error.js';
import { LIMITS, limitRules } from '../graphql/limits.js';
import { guardOperation, checkInputValues } from '../graphql/operation-guard.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import { SESSION_COOKIE } from '../modules/auth/session-token.js';
import { isDatabaseUnavailable } from '../common/database-availability.js';
import type { JournalBus } from './journal-bus.js';

/** Close codes sent when a session stops being valid on an open connection. */
export const SESSION_ENDED_CLOSE = { code: CloseCode.Forbidden, reason: 'Session ended' } as const;

/** graphql-ws's `extra` for the ws adapter. */
type Extra = { socket: WebSocket; request: IncomingMessage } & Record<PropertyKey, unknown>;

/** What this server keeps per open, authenticated connection. */
interface Connection {
  socket: WebSocket;
  viewer: Viewer;
  activeSubscriptions: Set<string>;
  requestIds: Map<string, string>;
}

export interface LiveServerOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  auth: AuthService;
  bus: JournalBus;
  logger: Logger;
  introspection: boolean;
  isOriginAllowed(origin: string | undefined, host: string | undefined): boolean;
  createContext(base: Omit<RequestContext, 'loaders' | 'bus' | 'calendar' | 'presence'>): RequestContext;
  /** Called with the errors of every result before they are sent (e.g. to journal refusals). */
  onErrors?(viewer: Viewer | null, errors: readonly GraphQLError[], origin: { transport: 'ws'; ip?: string; operationName?: string | null }): Promise<void>;
}

/** Journal object types whose changes can end sessions or change permissions. */
const ACCESS_OBJECT_TYPES = new Set(['Session', 'User', 'Role']);

/** Tags a parse or validation error with the code Apollo gives it on HTTP, so both transports report the same reason. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

/** Message types only a server sends; graphql-ws answers them from a client with 4500 and a console error. */
const SERVER_MESSAGE_TYPES = new Set<string>([MessageType.ConnectionAck, MessageType.Next, MessageType.Error]);

/**
 * A client that sends a server's message (connection_ack, next, error) is misusing the protocol:
 * closed with 4400 Bad Request, as for any other invalid message, before graphql-ws sees it.
 */
function refuseServerMessages(socket: WebSocket): void {
  const emit = socket.emit.bind(socket);
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'message') {
      let type: unknown;
      try {
        type = (JSON.parse(String(args[0])) as { type?: unknown } | null)?.type;
      } catch {
        type = undefined;
      }
      if (typeof type === 'string' && SERVER_MESSAGE_TYPES.has(type)) {
        socket.close(CloseCode.BadRequest, 'Invalid message received');
        return true;
      }
    }
    return emit(event, ...args);
  }) as WebSocket['emit'];
}

function isSubscription(args: ExecutionArgs): boolean {
  return args.document.definitions.some(
    (definition) =>
      definition.kind === 'OperationDefinition' &&
      definition.operation === 'subscription' &&
      (!args.operationName || definition.name?.value === args.operationName),
  );
}

/**
 * graphql-ws on the same port and path as HTTP. The session cookie authenticates the upgrade, the
 * Origin is checked, and connections whose session ends are closed as soon as the journal says so.
 */
export function startLiveServer(options: LiveServerOptions): { close(): Promise<void>; connectionCount(): number } {
  const { logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxWebSocketPayloadBytes });
  const connections = new Map<Extra, Connection>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!options.isOriginAllowed(request.headers.origin, request.headers.host)) {
      logger.warn('WebSocket refused: origin not allowed', { origin: request.headers.origin });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nOrigin not allowed');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      refuseServerMessages(ws);
      wss.emit('connection', ws, request);
    });
  };
  options.httpServer.on('upgrade', onUpgrade);

  const contextFor = (extra: Extra, connection: Connection, requestId: string): RequestContext => {
    const context = options.createContext({
      requestId,
      transport: 'ws',
      viewer: null,
      ip: extra.request.socket.remoteAddress,
      userAgent: extra.request.headers['user-agent'],
    });
    // Live: a role change re-read by `revalidate` applies to subscriptions already running.
    return Object.defineProperty(context, 'viewer', { get: () => connection.viewer, enumerable: true });
  };
  const reportErrors = async (extra: Extra, operationName: string | null | undefined, errors: readonly GraphQLError[]) => {
    const viewer = connections.get(extra)?.viewer ?? null;
    await options.onErrors?.(viewer, errors, { transport: 'ws', ip: extra.request.socket.remoteAddress, operationName });
  };
  const requestIdOf = (extra: Extra, id: string) => connections.get(extra)?.requestIds.get(id) ?? randomUUID();

  const server = useServer<Record<string, unknown>, Extra>(
    {
      schema: options.schema,
      // Never put internal error messages into close reasons, whatever NODE_ENV says.
      isProd: true,
      connectionInitWaitTimeout: LIMITS.connectionInitTimeoutMs,
      onConnect: async ({ extra }) => {
        const token = parseCookie(extra.request.headers.cookie ?? '')[SESSION_COOKIE];
        const viewer = await options.auth.resolveSession(token).catch((error: unknown) => (isDatabaseUnavailable(error) ? 'unavailable' : null));
        // 1013 "try again later": clients retry, where 4401 would make them give up during a database outage.
        if (viewer === 'unavailable') {
          extra.socket.close(1013, 'Service unavailable');
          return false;
        }
        if (!viewer) {
          extra.socket.close(CloseCode.Unauthorized, 'Unauthorized');
          return false;
        }
        connections.set(extra, { socket: extra.socket, viewer, activeSubscriptions: new Set(), requestIds: new Map() });
        return true;
      },
      onClose: ({ extra }) => {
        connections.delete(extra);
      },
      onSubscribe: ({ extra }, id, payload) => {
        const connection = connections.get(extra);
        const requestId = randomUUID();
        if (!connection) return [new GraphQLError('Unauthorized', { extensions: { code: 'UNAUTHENTICATED' } })];
        connection.requestIds.set(id, requestId);
        // Returned errors go through onError, where the one formatter runs; keep the original for it.
        const fail = (error: unknown): readonly GraphQLError[] => [
          error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error as Error }),
        ];
        let document;
        try {
          document = parse(payload.query, { maxTokens: LIMITS.maxTokens });
        } catch (error) {
          return fail(error instanceof GraphQLError ? withCode(error, 'GRAPHQL_PARSE_FAILED') : error);
        }
        const errors = validate(options.schema, document, [...specifiedRules, ...limitRules()]);
        if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        try {
          guardOperation(document, connection.viewer, { introspection: options.introspection });
          checkInputValues(document, payload.variables);
        } catch (error) {
          return fail(error);
        }
        const args: ExecutionArgs = {
          schema: options.schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: contextFor(extra, connection, requestId),
        };
        if (isSubscription(args)) {
          if (connection.activeSubscriptions.size >= LIMITS.maxSubscriptionsPerConnection) {
            return fail(new DomainError('RATE_LIMITED', `At most ${LIMITS.maxSubscriptionsPerConnection} subscriptions per connection.`));
          }
          connection.activeSubscriptions.add(id);
        }
        return args;
      },
      onNext: async ({ extra }, id, payload, _args, result) => {
        if (!result.errors) return undefined;
        await reportErrors(extra, payload.operationName, result.errors);
        const requestId = requestIdOf(extra, id);
        return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error, requestId, logger)) };
      },
      onError: async ({ extra }, id, payload, errors) => {
        await reportErrors(extra, payload.operationName, errors);
        const requestId = requestIdOf(extra, id);
        return errors.map((error) => formatError(error.toJSON(), error, requestId, logger));
      },
      onComplete: ({ extra }, id) => {
        connections.get(extra)?.activeSubscriptions.delete(id);
        connections.get(extra)?.requestIds.delete(id);
      },
    },
    wss,
  );

  // Re-check every open connection when something that grants or ends access is committed.
  let revalidation: Promise<void> | undefined;
  let revalidateAgain = false;
  const revalidate = async () => {
    const open = [...connections.values()];
    const valid = await options.auth.stillValid([...new Set(open.map((c) => c.viewer.sessionId))]);
    for (const connection of open) {
      const permissions = valid.get(connection.viewer.sessionId);
      if (!permissions) connection.socket.close(SESSION_ENDED_CLOSE.code, SESSION_ENDED_CLOSE.reason);
      else connection.viewer = { ...connection.viewer, permissions };
    }
  };
  const scheduleRevalidation = () => {
    if (revalidation) {
      revalidateAgain = true;
      return;
    }
    revalidation = revalidate()
      .catch((error: Error) => logger.warn('Could not re-check WebSocket sessions', { error: error.message }))
      .finally(() => {
        revalidation = undefined;
        if (revalidateAgain) {
          revalidateAgain = false;
          scheduleRevalidation();
        }
      });
  };
  const unsubscribe = options.bus.subscribe((entry) => {
    if (ACCESS_OBJECT_TYPES.has(entry.objectType) && connections.size > 0) scheduleRevalidation();
  });
  // Sessions also expire with time.
  const sweep = setInterval(() => connections.size > 0 && scheduleRevalidation(), 60_000);
  sweep.unref();

  return {
    connectionCount: () => connections.size,
    async close() {
      unsubscribe();
      clearInterval(sweep);
      options.httpServer.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
