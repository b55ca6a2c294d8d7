import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { parse as parseCookie } from 'cookie';
import { GraphQLError, parse, specifiedRules, subscribe, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
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
import { planSharing, SharedSubscriptions, type FanoutMetrics } from './shared-subscriptions.js';

/** Close codes sent when a session stops being valid on an open connection. */
export const SESSION_ENDED_CLOSE = { code: CloseCode.Forbidden, reason: 'Session ended' } as const;

/** graphql-ws's `extra` for the ws adapter. */
type Extra = { socket: WebSocket; request: IncomingMessage } & Record<PropertyKey, unknown>;

/** What this server keeps per open, authenticated connection. */
interface Connection {
  socket: WebSocket;
  ip: string | undefined;
  userAgent: string | undefined;
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

const VALID_DOCUMENT_CACHE_SIZE = 500;

/** A map that forgets its least recently used entry beyond `size` entries. */
class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
  }
}

function samePermissions(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((permission) => b.has(permission));
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
export function startLiveServer(options: LiveServerOptions): { close(): Promise<void>; connectionCount(): number; fanout: FanoutMetrics } {
  const { logger } = options;
  const shared = new SharedSubscriptions({
    bus: options.bus,
    createContext: (viewer, requestId) => options.createContext({ requestId, transport: 'ws', viewer }),
    formatErrors: (errors, requestId) => errors.map((error) => formatError(error.toJSON(), error, requestId, logger)),
  });
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
      ip: connection.ip,
      userAgent: connection.userAgent,
    });
    // Live: a role change re-read by `revalidate` applies to subscriptions already running.
    return Object.defineProperty(context, 'viewer', { get: () => connection.viewer, enumerable: true });
  };
  // Thousands of browsers send the same few documents: parse and validate each once and share the
  // tree (validation does not depend on the viewer; guardOperation, which does, still runs per operation).
  const validDocuments = new BoundedCache<string, DocumentNode>(VALID_DOCUMENT_CACHE_SIZE);
  /** Where a shareable subscription's frames go: graphql-ws's `subscribe` hook only receives the arguments. */
  const sharedTarget = new WeakMap<ExecutionArgs, { socket: WebSocket; id: string; connection: Connection; operationName: string | null | undefined }>();
  const reportErrors = async (connection: Connection | undefined, operationName: string | null | undefined, errors: readonly GraphQLError[]) => {
    await options.onErrors?.(connection?.viewer ?? null, errors, { transport: 'ws', ip: connection?.ip, operationName });
  };
  const requestIdOf = (extra: Extra, id: string) => connections.get(extra)?.requestIds.get(id) ?? randomUUID();

  const server = useServer<Record<string, unknown>, Extra>(
    {
      schema: options.schema,
      // Never put internal error messages into close reasons, whatever NODE_ENV says.
      isProd: true,
      connectionInitWaitTimeout: LIMITS.connectionInitTimeoutMs,
      // Shareable subscriptions join a group executed once per (document, variables, permission scope).
      subscribe: (args) => {
        const share = shared.planOf(args) ? sharedTarget.get(args) : undefined;
        if (!share) return subscribe(args);
        // Errors of a shared result (e.g. a field the scope may not read) are still reported per subscriber.
        return shared.subscribe(args, share.socket, share.id, () => share.connection.viewer, (errors) =>
          reportErrors(share.connection, share.operationName, errors),
        );
      },
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
        const { request } = extra;
        connections.set(extra, {
          socket: extra.socket,
          ip: request.socket.remoteAddress,
          userAgent: request.headers['user-agent'],
          viewer,
          activeSubscriptions: new Set(),
          requestIds: new Map(),
        });
        // Only the upgrade needs the request; kept, its headers and parser state would live as long as the socket.
        delete (extra as Partial<Extra>).request;
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
        let document = validDocuments.get(payload.query);
        if (!document) {
          try {
            document = parse(payload.query, { maxTokens: LIMITS.maxTokens });
          } catch (error) {
            return fail(error instanceof GraphQLError ? withCode(error, 'GRAPHQL_PARSE_FAILED') : error);
          }
          const errors = validate(options.schema, document, [...specifiedRules, ...limitRules()]);
          if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
          validDocuments.set(payload.query, document);
        }
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
          const plan = planSharing(document, payload.operationName, payload.variables);
          if (plan) {
            shared.mark(args, plan);
            sharedTarget.set(args, { socket: extra.socket, id, connection, operationName: payload.operationName });
          }
        }
        return args;
      },
      onNext: async ({ extra }, id, payload, args, result) => {
        // Replayed results of shared subscriptions are counted by the fan-out; these are per subscriber.
        if (!shared.planOf(args)) shared.metrics.unsharedExecutions++;
        if (!result.errors) return undefined;
        await reportErrors(connections.get(extra), payload.operationName, result.errors);
        const requestId = requestIdOf(extra, id);
        return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error, requestId, logger)) };
      },
      onError: async ({ extra }, id, payload, errors) => {
        await reportErrors(connections.get(extra), payload.operationName, errors);
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
    const changed = new Set<WebSocket>();
    for (const connection of open) {
      const permissions = valid.get(connection.viewer.sessionId);
      if (!permissions) connection.socket.close(SESSION_ENDED_CLOSE.code, SESSION_ENDED_CLOSE.reason);
      else {
        if (!samePermissions(permissions, connection.viewer.permissions)) changed.add(connection.socket);
        connection.viewer = { ...connection.viewer, permissions };
      }
    }
    // Their shared subscriptions move to the group of their new permission scope.
    if (changed.size > 0) shared.rehome(changed);
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
    fanout: shared.metrics,
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
