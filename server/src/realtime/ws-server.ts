import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { parse as parseCookie } from 'cookie';
import { GraphQLError, parse, specifiedRules, subscribe, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import { CloseCode, handleProtocols, makeServer, MessageType, validateMessage, type Context, type SubscribeMessage } from 'graphql-ws';
import { WebSocket, WebSocketServer } from 'ws';
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
import { planSharing, SharedSubscriptions, shareableField, type Attached, type DirectSubscriber, type FanoutMetrics, type SharePlan } from './shared-subscriptions.js';

/** Close codes sent when a session stops being valid on an open connection. */
export const SESSION_ENDED_CLOSE = { code: CloseCode.Forbidden, reason: 'Session ended' } as const;

/** How often every socket is pinged; one that has not answered a ping by the next is dropped (graphql-ws's default keep-alive). */
export const KEEP_ALIVE_MS = 12_000;

/** What this server keeps per open, authenticated connection. */
interface Connection {
  socket: LiveSocket;
  /** graphql-ws's state of the connection: its table of running operations is shared with `serveShared`. */
  ctx: Context<Record<string, unknown>, LiveSocket>;
  /** The TCP socket, for its address: read when needed (refusals, sign-in), as Node keeps the address once read. */
  peer: Socket;
  userAgent: string | undefined;
  viewer: Viewer;
  /** Ids of the subscriptions graphql-ws runs for it (for the per-connection limit). */
  subscriptionIds: readonly string[];
  /** Its shareable subscriptions served beside graphql-ws (see `serveShared`). */
  direct: readonly DirectSubscription[];
  /** Request ids of the operations graphql-ws runs (shared subscriptions keep their own); created on first use. */
  requestIds: Map<string, string> | undefined;
}

/**
 * The server's sockets, and graphql-ws's view of them (its `WebSocket`): `send` and `close` are
 * ws's own, messages are handed over by `emit`. What graphql-ws's ws adapter keeps per socket in
 * closures, listeners and timers (a keep-alive interval, the init-wait timer for as long as the
 * socket lives) is a few fields here; one interval pings every socket.
 */
interface LiveSocket extends WebSocket {
  /** The upgrade request, until the connection is initialised (only its headers and address are read). */
  request: IncomingMessage | undefined;
  /** Set once the session is checked (`connection_init`). */
  connection: Connection | undefined;
  /** Closes the socket with 4408 unless `connection_init` arrives first. */
  initWait: NodeJS.Timeout | undefined;
  /** Pinged, and no pong since. */
  awaitingPong: boolean;
  /** graphql-ws's handler of a message, and of the socket's end. */
  handleMessage: ((data: string) => Promise<void>) | undefined;
  handleClose: ((code: number, reason: string) => Promise<void>) | undefined;
  onMessage(handler: (data: string) => Promise<void>): void;
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
  /** How often every socket is pinged; default `KEEP_ALIVE_MS`. */
  keepAliveMs?: number;
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
 * The class of the server's sockets (see `LiveSocket`). A client that sends a server's message
 * (connection_ack, next, error) is misusing the protocol: closed with 4400 Bad Request, as for any
 * other invalid message, before graphql-ws sees it. A subscribe or complete message `serve` takes
 * (returns true for) never reaches graphql-ws. Events are handled here rather than by listeners: nothing per socket.
 */
function socketClass(serve: { subscribe(socket: LiveSocket, message: unknown): boolean; complete(socket: LiveSocket, message: unknown): boolean }, logger: Logger): typeof WebSocket {
  return class extends WebSocket implements LiveSocket {
    request: IncomingMessage | undefined = undefined;
    connection: Connection | undefined = undefined;
    initWait: NodeJS.Timeout | undefined = undefined;
    awaitingPong = false;
    handleMessage: ((data: string) => Promise<void>) | undefined = undefined;
    handleClose: ((code: number, reason: string) => Promise<void>) | undefined = undefined;

    onMessage(handler: (data: string) => Promise<void>): void {
      this.handleMessage = handler;
    }

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'message') {
        let message: unknown;
        try {
          message = JSON.parse(String(args[0]));
        } catch {
          message = undefined;
        }
        const type = (message as { type?: unknown } | null | undefined)?.type;
        if (typeof type === 'string' && SERVER_MESSAGE_TYPES.has(type)) {
          this.close(CloseCode.BadRequest, 'Invalid message received');
          return true;
        }
        if (type === MessageType.ConnectionInit) this.stopInitWait();
        if (type === MessageType.Subscribe && serve.subscribe(this, message)) return true;
        if (type === MessageType.Complete && serve.complete(this, message)) return true;
        this.handleMessage?.(String(args[0])).catch((error: unknown) => {
          logger.error('Could not handle a WebSocket message', { error: error instanceof Error ? error.message : String(error) });
          this.close(CloseCode.InternalServerError, 'Internal server error');
        });
      } else if (event === 'pong') this.awaitingPong = false;
      else if (event === 'close') {
        this.stopInitWait();
        this.request = undefined;
        this.handleClose?.(args[0] as number, String(args[1])).catch((error: unknown) => {
          logger.warn('Could not end the operations of a closed WebSocket', { error: error instanceof Error ? error.message : String(error) });
        });
      } else if (event === 'error') {
        logger.warn('WebSocket error', { error: (args[0] as Error | undefined)?.message });
        this.close(CloseCode.InternalServerError, 'Internal server error');
        return true;
      }
      return super.emit(event, ...args);
    }

    private stopInitWait(): void {
      if (this.initWait) clearTimeout(this.initWait);
      this.initWait = undefined;
    }
  };
}

/** The end of the init wait: as graphql-ws closes a connection that did not send `connection_init` in time. */
function initTimedOut(socket: LiveSocket): void {
  socket.initWait = undefined;
  socket.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout');
}

/**
 * Empty lists of a connection. Its lists are replaced rather than grown (`concat`, `filter`): a
 * grown array keeps room for many more entries than a socket usually has.
 */
const NONE: readonly never[] = Object.freeze([]);

/** `list` without `item`: the same list when it is not there, `NONE` when nothing is left. */
function without<T>(list: readonly T[], item: T): readonly T[] {
  if (!list.includes(item)) return list;
  return list.length === 1 ? NONE : list.filter((other) => other !== item);
}

/**
 * The prototype of graphql-ws's tables of operations: no inherited keys, like graphql-ws's own
 * `Object.create(null)`, but an empty table is a small ordinary object, not an empty dictionary.
 */
const OPERATIONS_PROTOTYPE: object = Object.create(null);

/** What `DirectSubscription`s share: the live server's formatting and bookkeeping. */
interface DirectHooks {
  formatResult(connection: Connection, requestId: string | undefined, operationName: string | null | undefined, perSubscriber: boolean, result: ExecutionResult): Promise<FormattedExecutionResult | undefined>;
  formatErrors(connection: Connection, requestId: string | undefined, operationName: string | null | undefined, errors: readonly GraphQLError[]): Promise<unknown[]>;
  reportErrors(connection: Connection, operationName: string | null | undefined, errors: readonly GraphQLError[]): Promise<void>;
  shared: SharedSubscriptions;
  logger: Logger;
}

/**
 * A shareable subscription served without graphql-ws (see `serveShared`), in its connection's
 * `direct` list: stopped by the client's `complete` and when the socket closes. Methods, not
 * closures, so that an idle subscription costs one small object.
 */
class DirectSubscription implements DirectSubscriber {
  /** Set once attached; null once ended (a late `attach` is then detached at once). */
  attached: Attached | null | undefined;

  constructor(
    private readonly connection: Connection,
    readonly id: string,
    private readonly operationName: string | null | undefined,
    /** The request id of its own run and replay; dropped once it is live (an idle subscription keeps no string of its own). */
    private requestId: string | undefined,
    private readonly hooks: DirectHooks,
  ) {}

  live(): void {
    this.requestId = undefined;
  }

  viewer(): Viewer | null {
    return this.connection.viewer;
  }

  reportErrors(errors: readonly GraphQLError[]): Promise<void> {
    return this.hooks.reportErrors(this.connection, this.operationName, errors);
  }

  private get current(): boolean {
    return this.connection.direct.includes(this) && this.connection.socket.readyState === this.connection.socket.OPEN;
  }

  /** One result of its replay or own run, as graphql-ws's `next` frame. */
  async next(result: ExecutionResult, perSubscriber: boolean): Promise<void> {
    if (!this.current) return;
    const payload = (await this.hooks.formatResult(this.connection, this.requestId, this.operationName, perSubscriber, result)) ?? result;
    if (this.current) this.connection.socket.send(JSON.stringify({ id: this.id, type: MessageType.Next, payload }));
  }

  /** It ended by itself: `complete`, or `error` with the failure, as graphql-ws would send them. */
  end(error?: unknown): void {
    if (!this.connection.direct.includes(this)) return;
    this.stop();
    const { socket } = this.connection;
    const frame =
      error === undefined
        ? Promise.resolve(JSON.stringify({ id: this.id, type: MessageType.Complete }))
        : this.hooks
            .formatErrors(this.connection, this.requestId, this.operationName, [
              error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error as Error }),
            ])
            .then((errors) => JSON.stringify({ id: this.id, type: MessageType.Error, payload: errors }));
    void frame
      .then((text) => socket.readyState === socket.OPEN && socket.send(text))
      .catch((failure: Error) => this.hooks.logger.warn('Could not end a subscription', { error: failure.message }));
  }

  /** Out of its connection's list and its group (the client completed it, the socket closed, or it ended). */
  stop(): void {
    const { connection } = this;
    connection.direct = without(connection.direct, this);
    if (this.attached === null) return;
    const { attached } = this;
    this.attached = null;
    if (attached) this.hooks.shared.detach(attached);
  }
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

const VIEWERS_KEPT = 10_000;

/**
 * One viewer object per distinct (session, account, permissions) for all connections that have
 * it (every tab of a browser, thousands of sockets of one role): each would otherwise hold its own
 * copy of the same strings and permission set. Viewers are never mutated, only replaced.
 */
class ViewerInterner {
  private readonly viewers = new BoundedCache<string, Viewer>(VIEWERS_KEPT);
  private readonly permissionSets = new BoundedCache<string, ReadonlySet<string>>(VIEWERS_KEPT);

  intern(viewer: Viewer): Viewer {
    const scope = [...viewer.permissions].sort().join(',');
    const key = JSON.stringify([viewer.sessionId, viewer.id, viewer.roleId, viewer.name, viewer.email, scope]);
    const known = this.viewers.get(key);
    if (known) return known;
    let permissions = this.permissionSets.get(scope);
    if (!permissions) this.permissionSets.set(scope, (permissions = viewer.permissions));
    const interned = { ...viewer, permissions };
    this.viewers.set(key, interned);
    return interned;
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
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: LIMITS.maxWebSocketPayloadBytes,
    handleProtocols,
    WebSocket: socketClass({ subscribe: (socket, message) => serveShared(socket, message), complete: (socket, message) => completeShared(socket, message) }, logger),
  });
  const connections = new Set<Connection>();
  const viewers = new ViewerInterner();

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
    wss.handleUpgrade(request, socket, head, (ws) => opened(ws as LiveSocket, request));
  };
  options.httpServer.on('upgrade', onUpgrade);

  const contextFor = (connection: Connection, requestId: string): RequestContext => {
    const context = options.createContext({
      requestId,
      transport: 'ws',
      viewer: null,
      userAgent: connection.userAgent,
    });
    // Live: a role change re-read by `revalidate` applies to subscriptions already running.
    Object.defineProperty(context, 'ip', { get: () => connection.peer.remoteAddress, enumerable: true });
    return Object.defineProperty(context, 'viewer', { get: () => connection.viewer, enumerable: true });
  };
  // Thousands of browsers send the same few documents: parse and validate each once and share the
  // tree (validation does not depend on the viewer; guardOperation, which does, still runs per operation).
  const validDocuments = new BoundedCache<string, DocumentNode>(VALID_DOCUMENT_CACHE_SIZE);
  /** Where a shareable subscription's frames go: graphql-ws's `subscribe` hook only receives the arguments. */
  const sharedTarget = new WeakMap<ExecutionArgs, { socket: LiveSocket; id: string; connection: Connection; operationName: string | null | undefined }>();
  const reportErrors = async (connection: Connection | undefined, operationName: string | null | undefined, errors: readonly GraphQLError[]) => {
    await options.onErrors?.(connection?.viewer ?? null, errors, { transport: 'ws', ip: connection?.peer.remoteAddress, operationName });
  };

  /**
   * graphql-ws's `onSubscribe`: the document parsed and validated (once per text), the operation
   * guarded for this viewer, the per-connection limit applied. Returns the execution arguments and,
   * for a shareable subscription, its plan; or the errors to answer with.
   */
  const prepare = (connection: Connection, payload: SubscribeMessage['payload'], requestId: string): { args: ExecutionArgs; plan: SharePlan | undefined; subscription: boolean } | readonly GraphQLError[] => {
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
      contextValue: contextFor(connection, requestId),
    };
    if (!isSubscription(args)) return { args, plan: undefined, subscription: false };
    if (connection.subscriptionIds.length + connection.direct.length >= LIMITS.maxSubscriptionsPerConnection) {
      return fail(new DomainError('RATE_LIMITED', `At most ${LIMITS.maxSubscriptionsPerConnection} subscriptions per connection.`));
    }
    const plan = planSharing(document, payload.operationName, payload.variables);
    if (plan) shared.mark(args, plan);
    return { args, plan, subscription: true };
  };
  /** graphql-ws's `onNext`: a result with its errors reported and formatted (undefined: send it as it is). */
  const formatResult = async (connection: Connection | undefined, requestId: string | undefined, operationName: string | null | undefined, perSubscriber: boolean, result: ExecutionResult) => {
    // Replayed results of shared subscriptions are counted by the fan-out; these are per subscriber.
    if (perSubscriber) shared.metrics.unsharedExecutions++;
    if (!result.errors) return undefined;
    await reportErrors(connection, operationName, result.errors);
    const id = requestId ?? randomUUID();
    return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error, id, logger)) };
  };
  /** graphql-ws's `onError`. */
  const formatErrors = async (connection: Connection | undefined, requestId: string | undefined, operationName: string | null | undefined, errors: readonly GraphQLError[]) => {
    await reportErrors(connection, operationName, errors);
    const id = requestId ?? randomUUID();
    return errors.map((error) => formatError(error.toJSON(), error, id, logger));
  };
  /** graphql-ws's `onComplete`. */
  const completed = (connection: Connection | undefined, id: string) => {
    if (!connection) return;
    connection.subscriptionIds = without(connection.subscriptionIds, id);
    connection.requestIds?.delete(id);
  };
  const hooks: DirectHooks = { formatResult, formatErrors, reportErrors, shared, logger };

  /**
   * Serves a shareable subscription on an acknowledged connection without graphql-ws: graphql-ws
   * would keep a suspended handler per operation (the message, its arguments and context, an
   * iterator and its promises) for as long as it runs, which at thousands of idle sockets is most of
   * their memory. Here the subscriber is a member of its group and nothing waits for it. It is kept
   * in its connection's `direct` list: a duplicate id (of either kind) closes the socket with 4409
   * as graphql-ws does, the client's `complete` and a closed socket stop it; the frames are the ones
   * graphql-ws sends. Returns false to leave the message to graphql-ws (anything unusual, the first
   * use of a document, refusals: it answers them as before).
   */
  const serveShared = (socket: LiveSocket, parsed: unknown): boolean => {
    const { connection } = socket;
    if (!connection?.ctx.acknowledged) return false;
    let message: SubscribeMessage;
    try {
      message = validateMessage(parsed) as SubscribeMessage;
    } catch {
      return false;
    }
    const { id, payload } = message;
    if (connection.direct.some((other) => other.id === id)) {
      socket.close(CloseCode.SubscriberAlreadyExists, `Subscriber for ${id} already exists`);
      return true;
    }
    if (id in connection.ctx.subscriptions) return false;
    const document = validDocuments.get(payload.query);
    if (!document || !shareableField(document, payload.operationName)) return false;
    const requestId = randomUUID();
    const prepared = prepare(connection, payload, requestId);
    if (!('args' in prepared) || !prepared.plan) return false;
    // Kept by the subscription itself, not in `requestIds`: the map would hold it for as long as the subscription runs.
    const subscription = new DirectSubscription(connection, id, payload.operationName, requestId, hooks);
    connection.direct = connection.direct.concat(subscription);
    shared.attach(prepared.args, socket, id, subscription).then(
      (attached) => {
        if (subscription.attached === null) shared.detach(attached);
        else subscription.attached = attached;
      },
      (error: unknown) => subscription.end(error),
    );
    return true;
  };
  /** A client's `complete` of a subscription in `direct` (graphql-ws would find nothing to stop). */
  const completeShared = (socket: LiveSocket, parsed: unknown): boolean => {
    const id = (parsed as { id?: unknown }).id;
    const subscription = socket.connection?.direct.find((other) => other.id === id);
    subscription?.stop();
    return subscription !== undefined;
  };

  const server = makeServer<Record<string, unknown>, LiveSocket>({
    schema: options.schema,
    // Ours (see `opened`): graphql-ws's timer would stay referenced for as long as the socket lives.
    connectionInitWaitTimeout: 0,
    // Shareable subscriptions join a group executed once per (document, variables, permission scope).
    subscribe: (args) => {
      const share = shared.planOf(args) ? sharedTarget.get(args) : undefined;
      if (!share) return subscribe(args);
      // Errors of a shared result (e.g. a field the scope may not read) are still reported per subscriber.
      return shared.subscribe(args, share.socket, share.id, () => share.connection.viewer, (errors) =>
        reportErrors(share.connection, share.operationName, errors),
      );
    },
    onConnect: async (ctx) => {
      const socket = ctx.extra;
      const { request } = socket;
      if (!request) return false;
      const token = parseCookie(request.headers.cookie ?? '')[SESSION_COOKIE];
      const viewer = await options.auth.resolveSession(token).catch((error: unknown) => (isDatabaseUnavailable(error) ? 'unavailable' : null));
      // 1013 "try again later": clients retry, where 4401 would make them give up during a database outage.
      if (viewer === 'unavailable') {
        socket.close(1013, 'Service unavailable');
        return false;
      }
      if (!viewer) {
        socket.close(CloseCode.Unauthorized, 'Unauthorized');
        return false;
      }
      // Closed while its session was read: nothing to keep.
      if (socket.readyState !== socket.OPEN) return false;
      // graphql-ws's table starts as an empty dictionary; most connections never put anything in it (see `serveShared`).
      (ctx as { subscriptions: Context['subscriptions'] }).subscriptions = Object.create(OPERATIONS_PROTOTYPE) as Context['subscriptions'];
      const connection: Connection = {
        socket,
        ctx,
        peer: request.socket,
        userAgent: request.headers['user-agent'],
        viewer: viewers.intern(viewer),
        subscriptionIds: NONE,
        direct: NONE,
        requestIds: undefined,
      };
      connections.add(connection);
      socket.connection = connection;
      // Only the upgrade needs the request; kept, its headers and parser state would live as long as the socket.
      socket.request = undefined;
      return true;
    },
    onClose: ({ extra: { connection } }) => {
      if (!connection) return;
      connections.delete(connection);
      for (const subscription of connection.direct) subscription.stop();
    },
    onSubscribe: ({ extra }, id, payload) => {
      const { connection } = extra;
      if (!connection) return [new GraphQLError('Unauthorized', { extensions: { code: 'UNAUTHENTICATED' } })];
      const requestId = randomUUID();
      (connection.requestIds ??= new Map()).set(id, requestId);
      const prepared = prepare(connection, payload, requestId);
      if (!('args' in prepared)) return prepared;
      if (prepared.subscription) connection.subscriptionIds = connection.subscriptionIds.concat(id);
      if (prepared.plan) sharedTarget.set(prepared.args, { socket: extra, id, connection, operationName: payload.operationName });
      return prepared.args;
    },
    onNext: ({ extra }, id, payload, args, result) => formatResult(extra.connection, extra.connection?.requestIds?.get(id), payload.operationName, !shared.planOf(args), result),
    onError: ({ extra }, id, payload, errors) => formatErrors(extra.connection, extra.connection?.requestIds?.get(id), payload.operationName, errors),
    onComplete: ({ extra }, id) => completed(extra.connection, id),
  });

  /** A new socket: handed to graphql-ws, which closes it unless it speaks graphql-transport-ws. */
  const opened = (socket: LiveSocket, request: IncomingMessage) => {
    socket.request = request;
    socket.initWait = setTimeout(initTimedOut, LIMITS.connectionInitTimeoutMs, socket);
    socket.handleClose = server.opened(socket, socket);
  };
  // One interval for every socket (graphql-ws's adapter keeps one per socket): idle connections
  // stay open through proxies, and a client that stopped answering is dropped.
  const keepAlive = setInterval(() => {
    for (const client of wss.clients as Set<LiveSocket>) {
      if (client.readyState !== client.OPEN) continue;
      if (client.awaitingPong) {
        client.terminate();
        continue;
      }
      client.awaitingPong = true;
      client.ping();
    }
  }, options.keepAliveMs ?? KEEP_ALIVE_MS);
  keepAlive.unref();
  wss.on('error', (error) => logger.error('WebSocket server error', { error: error.message }));

  // Re-check every open connection when something that grants or ends access is committed.
  let revalidation: Promise<void> | undefined;
  let revalidateAgain = false;
  const revalidate = async () => {
    const open = [...connections];
    const valid = await options.auth.stillValid([...new Set(open.map((c) => c.viewer.sessionId))]);
    const changed = new Set<WebSocket>();
    for (const connection of open) {
      const permissions = valid.get(connection.viewer.sessionId);
      if (!permissions) connection.socket.close(SESSION_ENDED_CLOSE.code, SESSION_ENDED_CLOSE.reason);
      else {
        if (!samePermissions(permissions, connection.viewer.permissions)) changed.add(connection.socket);
        connection.viewer = viewers.intern({ ...connection.viewer, permissions });
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
      clearInterval(keepAlive);
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
