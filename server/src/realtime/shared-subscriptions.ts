import { createHash, randomUUID } from 'node:crypto';
import {
  Kind,
  getOperationAST,
  print,
  subscribe,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
} from 'graphql';
import type { WebSocket } from 'ws';
import type { RequestContext, Viewer } from '../graphql/context.js';
import type { JournalEntry } from '../modules/journal/journal-entry.types.js';
import type { JournalBus } from './journal-bus.js';
import { pushIterator } from './push-iterator.js';

/**
 * Which subscriptions may be executed once for many sockets, and what their results depend on.
 * `permissions`: only the viewer's permission set (field-level `@Authorized`, per-delivery checks);
 * `viewer`: also who the viewer is. A subscription not listed here (e.g. presenceChanged, which
 * records each subscriber as present) runs once per subscriber, as before.
 */
export interface SharingPolicy {
  scope(viewer: Viewer): 'permissions' | 'viewer';
  /** An argument that asks for a replay of the journal after a sequence number; it is replayed per subscriber and left out of the key. */
  replayArgument?: string;
}

/** Who may put others on events: they see every double booking (see conflictRaised). */
const isManager = (viewer: Viewer) => viewer.permissions.has('crew:assign') || viewer.permissions.has('event:update-any');

export const SHARING_POLICIES: Readonly<Record<string, SharingPolicy>> = {
  calendarChanged: { scope: () => 'permissions', replayArgument: 'since' },
  journalAppended: { scope: () => 'permissions' },
  conflictRaised: { scope: (viewer) => (isManager(viewer) ? 'permissions' : 'viewer') },
  myNotifications: { scope: () => 'viewer' },
};

/** Counters read by tests and benchmarks (not part of the API). */
export interface FanoutMetrics {
  /** Executions for live deliveries: shared ones (once per group and result) plus unshared ones (once per subscriber and result). */
  readonly executions: number;
  sharedExecutions: number;
  unsharedExecutions: number;
  /** Executions of replayed (`since`) entries, which are per subscriber. */
  replayExecutions: number;
  /** `next` frames written to sockets by the shared fan-out. */
  framesSent: number;
  /** Live subscription groups right now. */
  readonly groups: number;
  /** Subscribers receiving a group's live results right now (joined, not parked after losing access). */
  readonly members: number;
  /** The serialised payload of the last shared execution (benchmarks send the same bytes raw). */
  lastPayload: string | undefined;
}

const scopeCache = new WeakMap<Viewer, string>();
/** The viewer's permission set as a canonical string; cached per viewer object (revalidation replaces the object). */
function permissionScope(viewer: Viewer): string {
  let scope = scopeCache.get(viewer);
  if (scope === undefined) {
    scope = [...viewer.permissions].sort().join(',');
    scopeCache.set(viewer, scope);
  }
  return scope;
}

const scopeKeys = new WeakMap<Viewer, { permissions: string; viewer?: string }>();
/**
 * The part of a group key that stands for the viewer: its permission set, and who it is when the
 * result depends on that. Cached per viewer object: it is compared for every member on every delivery.
 */
export function scopeKey(policy: SharingPolicy, viewer: Viewer): string {
  let keys = scopeKeys.get(viewer);
  if (!keys) scopeKeys.set(viewer, (keys = { permissions: `p:${permissionScope(viewer)}` }));
  if (policy.scope(viewer) !== 'viewer') return keys.permissions;
  return (keys.viewer ??= `${keys.permissions}|v:${viewer.id}`);
}

/** JSON with object keys sorted, so equal variables give equal keys. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const printed = new WeakMap<DocumentNode, string>();
/** The normalised text of a document, printed once per (shared, cached) document tree. */
function printedDocument(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** The root field of a subscription of the plain shape that is shared, with its policy; undefined for anything else. */
export function shareableField(document: DocumentNode, operationName: string | null | undefined) {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'subscription') return undefined;
  const selections = operation.selectionSet.selections;
  if (selections.length !== 1 || selections[0]!.kind !== Kind.FIELD) return undefined;
  const field = selections[0]!;
  if (field.directives?.length) return undefined;
  const policy = SHARING_POLICIES[field.name.value];
  return policy ? { operation, field, policy } : undefined;
}

const PLANS_KEPT = 1000;
const plans = new Map<string, SharePlan>();

/** What decides whether two subscriptions can share one execution. */
export interface SharePlan {
  policy: SharingPolicy;
  /** Document, operation and variables (without the replay variable), hashed. */
  operationKey: string;
  /** The variable bound to the replay argument, if any. */
  replayVariable: string | undefined;
}

/**
 * Whether a validated subscription can be shared, and on what. Only the plain shape is shared: one
 * root field listed in `SHARING_POLICIES`, without directives; anything else runs per subscriber.
 */
export function planSharing(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): SharePlan | undefined {
  const shareable = shareableField(document, operationName);
  if (!shareable) return undefined;
  const { operation, field, policy } = shareable;
  const replay = policy.replayArgument ? field.arguments?.find((argument) => argument.name.value === policy.replayArgument) : undefined;
  const replayVariable = replay?.value.kind === Kind.VARIABLE ? replay.value.name.value : undefined;
  const declared = new Set((operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value));
  const keyed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables ?? {})) if (declared.has(name) && name !== replayVariable) keyed[name] = value;
  const operationKey = createHash('sha256')
    .update(printedDocument(document))
    .update('\0')
    .update(operationName ?? '')
    .update('\0')
    .update(canonicalJson(keyed))
    .digest('base64url');
  let plan = plans.get(operationKey);
  if (!plan) {
    plan = { policy, operationKey, replayVariable };
    // Immutable, and thousands of subscribers send the same few: one object (and key) each.
    if (plans.size >= PLANS_KEPT) plans.delete(plans.keys().next().value!);
    plans.set(operationKey, plan);
  }
  return plan;
}

export interface SharedSubscriptionsOptions {
  bus: JournalBus;
  /** A context for a group: its viewer is a frozen copy with the group's permission scope. */
  createContext(viewer: Viewer, requestId: string): RequestContext;
  /** The one error formatter, applied once per shared execution. */
  formatErrors(errors: readonly GraphQLError[], requestId: string): GraphQLFormattedError[];
}

/** Who a member is: its viewer now (re-read on every delivery: a role change applies at once) and where its refusals are reported. */
export interface Subscriber {
  viewer(): Viewer | null;
  /** Reports the errors of a result it was sent (refusals are journaled per viewer). */
  reportErrors?(errors: readonly GraphQLError[]): Promise<void>;
}

/** A subscriber served without an iterator (see `SharedSubscriptions.attach`). */
export interface DirectSubscriber extends Subscriber {
  /** Writes one result of its replay, or of its own run when it could not be shared (`perSubscriber`). */
  next(result: ExecutionResult, perSubscriber: boolean): Promise<void>;
  /** It ended by itself (its source ended or failed); called at most once, and never after `detach`. */
  end(error?: unknown): void;
  /** Its replay is over: from now on it only receives its group's frames. */
  live?(): void;
}

/** A subscriber served by `attach`: the iterator it is still reading (its replay, or its own run when unshared). */
export interface Attached {
  source?: AsyncIterator<ExecutionResult>;
  detached?: boolean;
}

/** One subscriber (socket + graphql-ws id) of a group. */
interface Member extends Attached {
  socket: WebSocket;
  /** `{"id":<id>,"type":"next","payload":` — the per-socket head of every frame. */
  frameHead: string;
  args: ExecutionArgs;
  plan: SharePlan;
  subscriber: Subscriber;
  group: SubscriptionGroup | undefined;
  /** False once the subscriber completed or its socket closed. */
  active: boolean;
  /** Entries up to this sequence number were (or will be) replayed to it; the group sends only later ones. */
  liveFrom: number;
  /** Frames that arrived while its replay was still being sent. */
  pending: string[] | undefined;
  /** Served by `attach`: told when its group ends. */
  direct?: DirectSubscriber;
  /** Otherwise: its group ended (with the source's error, if any). */
  end?(error?: unknown): void;
}

/** `liveFrom` of a member not (yet) receiving a group's frames. */
const NOT_LIVE = Number.MAX_SAFE_INTEGER;

const frameHeads = new Map<string, string>();
/** `{"id":<id>,"type":"next","payload":` as one flat string, shared by every member with that id (clients number their operations alike). */
function frameHeadOf(id: string): string {
  let head = frameHeads.get(id);
  if (head === undefined) {
    head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
    // Kept for the first ids only: arbitrary client ids must not grow it for ever.
    if (frameHeads.size < 1000) frameHeads.set(id, head);
  }
  return head;
}

/** What a subscriber's own run ended with: a result (refused), an unshared iterator, or a member of a group with its replay. */
type Started = { result: ExecutionResult } | { unshared: AsyncIterableIterator<ExecutionResult> } | { member: Member; replay: AsyncIterator<ExecutionResult> };

/**
 * A subscription executed once for every member with the same document, variables and permission
 * scope. Its source reads the bus once; each result is serialised once and written to every member.
 */
class SubscriptionGroup {
  readonly members = new Set<Member>();
  readonly requestId = randomUUID();
  /** The journal entry the source is working on: results are attributed to it. */
  private currentSeq = 0;
  private iterator: AsyncIterator<ExecutionResult> | undefined;
  private closed = false;
  /** Ends the source's bus feed at once (an async generator waiting for input would not see `return()` until the next entry). */
  private stopLive: (() => void) | undefined;
  /** Set once the source reads the bus: the last sequence number delivered before it did. */
  listeningFrom: number | undefined;
  readonly ready: Promise<boolean>;
  private markReady!: (listening: boolean) => void;

  constructor(
    readonly key: string,
    readonly scope: string,
    private readonly hub: SharedSubscriptions,
    args: ExecutionArgs,
    founder: Viewer,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    const viewer: Viewer = { ...founder, permissions: new Set(founder.permissions) };
    const context = hub.options.createContext(viewer, this.requestId);
    context.bus = this.liveBus();
    const variableValues = { ...(args.variableValues ?? {}) };
    const replayVariable = hub.planOf(args)?.replayVariable;
    if (replayVariable) variableValues[replayVariable] = null;
    void this.run({ ...args, variableValues, contextValue: context });
  }

  /** The bus as the group's source sees it: live entries from the moment it starts reading, each marked as current when handed over. */
  private liveBus(): JournalBus {
    const live = (): AsyncGenerator<JournalEntry> => {
      const { iterator, push } = pushIterator<JournalEntry>(() => unsubscribe());
      const unsubscribe = this.hub.options.bus.subscribe(push);
      this.stopLive = () => void iterator.return?.();
      this.listeningFrom = this.hub.options.bus.deliveredSeq;
      this.markReady(true);
      const marked: AsyncGenerator<JournalEntry> = {
        next: () =>
          iterator.next().then((result) => {
            if (!result.done) this.currentSeq = result.value.seq;
            return result;
          }),
        return: () => iterator.return!() as Promise<IteratorResult<JournalEntry>>,
        throw: (error) => iterator.throw!(error) as Promise<IteratorResult<JournalEntry>>,
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      return marked;
    };
    const real = this.hub.options.bus;
    return Object.assign(Object.create(real) as JournalBus, { entries: live, entriesAfter: live });
  }

  private async run(args: ExecutionArgs): Promise<void> {
    let failure: unknown;
    try {
      const result = await subscribe(args);
      if (!(Symbol.asyncIterator in result)) {
        // Refused for this scope (members who joined meanwhile are told by `ready`, and stay open).
        this.markReady(false);
        for (const member of this.members) if (member.group === this) member.group = undefined;
        this.members.clear();
        return this.close();
      }
      this.iterator = result[Symbol.asyncIterator]();
      // Closed while subscribing (the last member left already).
      if (this.closed) return void (await this.iterator.return?.());
      for (;;) {
        const next = this.iterator.next();
        const step = await next;
        if (step.done || this.closed) break;
        this.hub.metrics.sharedExecutions++;
        this.deliver(this.currentSeq, step.value);
      }
    } catch (error) {
      failure = error;
    }
    this.markReady(false);
    this.close(failure);
  }

  private deliver(seq: number, result: ExecutionResult): void {
    const { errors, ...rest } = result;
    const payload = JSON.stringify(errors ? { ...rest, errors: this.hub.options.formatErrors(errors, this.requestId) } : rest);
    this.hub.metrics.lastPayload = payload;
    const tail = `${payload}}`;
    for (const member of this.members) {
      if (seq <= member.liveFrom) continue;
      // Per delivery: a member whose permissions changed since it joined gets nothing from this group.
      const viewer = member.subscriber.viewer();
      if (!viewer || scopeKey(member.plan.policy, viewer) !== this.scope) continue;
      const frame = member.frameHead + tail;
      if (member.pending) member.pending.push(frame);
      else this.hub.send(member, frame);
      if (errors) void member.subscriber.reportErrors?.(errors).catch(() => undefined);
    }
  }

  add(member: Member): void {
    this.members.add(member);
    member.group = this;
  }

  remove(member: Member): void {
    this.members.delete(member);
    if (member.group === this) member.group = undefined;
    if (this.members.size === 0) this.close();
  }

  /** Stops the source; members still in the group are ended (their clients get `complete`, or `error` when the source failed). */
  close(error?: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.hub.forget(this);
    this.stopLive?.();
    void this.iterator?.return?.().catch(() => undefined);
    for (const member of [...this.members]) {
      this.members.delete(member);
      member.group = undefined;
      this.hub.ended(member, error);
    }
  }
}

/**
 * The shared fan-out behind graphql-ws: `subscribe(args)` stands in for graphql's `subscribe` for
 * subscriptions `planSharing` accepted. Each subscriber still runs its own `subscribe` (so
 * permission and argument checks and `since` replays are its own), then joins the group for its
 * key and receives the group's frames; the iterator returned to graphql-ws yields only the replay.
 */
export class SharedSubscriptions {
  private readonly groups = new Map<string, SubscriptionGroup>();
  private readonly plans = new WeakMap<ExecutionArgs, SharePlan>();
  private readonly argsByPlan = new WeakMap<SharePlan, ExecutionArgs>();
  private readonly allMembers = new Set<Member>();
  readonly metrics: FanoutMetrics;

  constructor(readonly options: SharedSubscriptionsOptions) {
    const self = this;
    this.metrics = {
      get executions() {
        return this.sharedExecutions + this.unsharedExecutions;
      },
      sharedExecutions: 0,
      unsharedExecutions: 0,
      replayExecutions: 0,
      framesSent: 0,
      get groups() {
        return self.groups.size;
      },
      get members() {
        let live = 0;
        for (const member of self.allMembers) if (member.group && member.liveFrom !== NOT_LIVE) live++;
        return live;
      },
      lastPayload: undefined,
    };
  }

  /** Marks validated execution arguments as shareable under `plan`. */
  mark(args: ExecutionArgs, plan: SharePlan): void {
    this.plans.set(args, plan);
  }

  planOf(args: ExecutionArgs): SharePlan | undefined {
    return this.plans.get(args);
  }

  forget(group: SubscriptionGroup): void {
    if (this.groups.get(group.key) === group) this.groups.delete(group.key);
  }

  send(member: Member, frame: string): void {
    if (member.socket.readyState !== member.socket.OPEN) return;
    member.socket.send(frame);
    this.metrics.framesSent++;
  }

  /**
   * The subscriber's own run (its permission and argument checks, and the replay it asked for, up to
   * where the group takes over), then its place in the group. Live entries are not read by its run.
   */
  private async start(args: ExecutionArgs, socket: WebSocket, id: string, subscriber: Subscriber): Promise<Started> {
    const plan = this.plans.get(args)!;
    const context = args.contextValue as RequestContext;
    const bus = this.options.bus;
    const member: Member = {
      socket,
      frameHead: frameHeadOf(id),
      args: this.groupArgs(plan, args),
      plan,
      subscriber,
      group: undefined,
      active: true,
      liveFrom: NOT_LIVE,
      pending: [],
      // Declared up front: added later, they would take a second allocation per member.
      source: undefined,
      detached: undefined,
      direct: undefined,
      end: undefined,
    };
    const replayBus = Object.assign(Object.create(bus) as JournalBus, {
      entries: async function* (): AsyncGenerator<JournalEntry> {},
      entriesAfter: (since: number) => bus.entriesBetween(since, member.liveFrom),
    });
    context.bus = replayBus;
    const own = await subscribe(args);
    if (!(Symbol.asyncIterator in own)) return { result: own };
    const replay = own[Symbol.asyncIterator]();

    this.allMembers.add(member);
    const joined = await this.join(member);
    if (!joined) {
      // The group could not start (the viewer's access changed meanwhile): run on its own, unshared.
      this.leave(member);
      await replay.return?.();
      this.plans.delete(args);
      context.bus = bus;
      const unshared = await subscribe(args);
      return Symbol.asyncIterator in unshared ? { unshared } : { result: unshared };
    }
    return { member, replay };
  }

  /**
   * What a member keeps to start its group: one object for all members of a plan (their arguments
   * differ at most in the replay variable, which the group does not use), not their own contexts.
   */
  private groupArgs(plan: SharePlan, args: ExecutionArgs): ExecutionArgs {
    let shared = this.argsByPlan.get(plan);
    if (!shared) {
      shared = { schema: args.schema, document: args.document, operationName: args.operationName, variableValues: args.variableValues };
      this.argsByPlan.set(plan, shared);
      this.plans.set(shared, plan);
    }
    return shared;
  }

  /** Takes a member out of its group and of the live set (idempotent). */
  private leave(member: Member): void {
    if (!member.active) return;
    member.active = false;
    this.allMembers.delete(member);
    member.group?.remove(member);
    member.pending = undefined;
  }

  /** After its replay: the frames that arrived meanwhile go out, and the member is live. */
  private goLive(member: Member): void {
    if (!member.active) return;
    for (const frame of member.pending ?? []) this.send(member, frame);
    member.pending = undefined;
    member.direct?.live?.();
  }

  /**
   * Subscribes one graphql-ws subscriber. Returns what graphql's `subscribe` would: errors as a
   * result, or an iterator (its replay, then open until completed; live frames go out directly).
   */
  async subscribe(
    args: ExecutionArgs,
    socket: WebSocket,
    id: string,
    viewer: () => Viewer | null,
    reportErrors?: (errors: readonly GraphQLError[]) => Promise<void>,
  ): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const started = await this.start(args, socket, id, { viewer, reportErrors });
    if ('result' in started) return started.result;
    if ('unshared' in started) return started.unshared;
    const { member } = started;
    // Dropped once the replay is over: only the group's frames follow.
    let replay: AsyncIterator<ExecutionResult> | undefined = started.replay;

    let wake: ((result: IteratorResult<ExecutionResult>) => void) | undefined;
    let fail: ((error: unknown) => void) | undefined;
    let endedWith: { error?: unknown } | undefined;
    member.end = (error) => {
      endedWith = { error };
      if (error !== undefined && fail) fail(error);
      else wake?.({ value: undefined, done: true });
    };
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      next: async () => {
        if (replay) {
          const step = await replay.next();
          if (!step.done && member.active) {
            this.metrics.replayExecutions++;
            return step;
          }
          replay = undefined;
          // graphql-ws has written every replayed result before asking again; the live frames follow them.
          this.goLive(member);
        }
        if (!member.active && !endedWith) return { value: undefined, done: true };
        if (endedWith) {
          this.leave(member);
          if (endedWith.error !== undefined) throw endedWith.error;
          return { value: undefined, done: true };
        }
        return new Promise<IteratorResult<ExecutionResult>>((resolve, reject) => {
          wake = (result) => {
            this.leave(member);
            resolve(result);
          };
          fail = (error) => {
            this.leave(member);
            reject(error);
          };
        });
      },
      return: async () => {
        this.leave(member);
        await replay?.return?.();
        replay = undefined;
        wake?.({ value: undefined, done: true });
        return { value: undefined, done: true };
      },
      throw: async (error) => {
        this.leave(member);
        await replay?.return?.();
        replay = undefined;
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return iterator;
  }

  /**
   * Subscribes one subscriber without an iterator of its own: its replay (or its own run, when it
   * cannot be shared) goes to `subscriber.next`, then the group writes its frames to the socket
   * directly; nothing waits per subscriber while it is live. Returns what `detach` takes.
   */
  async attach(args: ExecutionArgs, socket: WebSocket, id: string, subscriber: DirectSubscriber): Promise<Attached> {
    const started = await this.start(args, socket, id, subscriber);
    if ('result' in started) {
      void subscriber.next(started.result, false).then(() => subscriber.end(), (error: unknown) => subscriber.end(error));
      return {};
    }
    let member: Member | undefined;
    let attached: Attached;
    if ('member' in started) {
      member = started.member;
      member.direct = subscriber;
      member.source = started.replay;
      attached = member;
    } else attached = { source: started.unshared };
    void (async () => {
      for (;;) {
        const step = await attached.source!.next();
        if (step.done || attached.detached) break;
        if (member) this.metrics.replayExecutions++;
        await subscriber.next(step.value, !member);
      }
      attached.source = undefined;
      if (member) this.goLive(member);
      else if (!attached.detached) subscriber.end();
    })().catch((error: unknown) => {
      attached.source = undefined;
      if (member) this.leave(member);
      if (!attached.detached) subscriber.end(error);
    });
    return attached;
  }

  /** Its group ended: the member leaves, and is told (its iterator, or its subscriber). */
  ended(member: Member, error?: unknown): void {
    if (!member.direct) return member.end?.(error);
    this.leave(member);
    if (!member.detached) member.direct.end(error);
  }

  /** Ends a subscriber from outside (the client's `complete`, a closed socket). */
  detach(attached: Attached): void {
    attached.detached = true;
    if ('plan' in attached) this.leave(attached as Member);
    void attached.source?.return?.()?.catch(() => undefined);
    attached.source = undefined;
  }

  /** Puts a member into the group for its key (creating and starting it if needed) and fixes where its live part begins. */
  private async join(member: Member): Promise<boolean> {
    const viewer = member.subscriber.viewer();
    if (!viewer) return false;
    const scope = scopeKey(member.plan.policy, viewer);
    const key = `${member.plan.operationKey}|${scope}`;
    let group = this.groups.get(key);
    if (!group) {
      group = new SubscriptionGroup(key, scope, this, member.args, viewer);
      this.groups.set(key, group);
    }
    group.add(member);
    // Entries delivered before the group (or this member) listened are not its to send; a replay covers them.
    if (group.listeningFrom !== undefined) {
      member.liveFrom = this.options.bus.deliveredSeq;
      return true;
    }
    const listening = await group.ready;
    if (!listening || member.group !== group || !member.active) {
      group.remove(member);
      return false;
    }
    member.liveFrom = group.listeningFrom ?? this.options.bus.deliveredSeq;
    return true;
  }

  /**
   * After a viewer's permissions changed: moves each of its members to the group of its new scope.
   * Live from the next change on; if the new scope may not run the subscription, the member stays
   * open and silent until its permissions change again (as the per-delivery check did before).
   */
  rehome(sockets: ReadonlySet<WebSocket>): void {
    const moving: Member[] = [];
    for (const member of this.allMembers) {
      const viewer = member.subscriber.viewer();
      if (sockets.has(member.socket) && viewer && scopeKey(member.plan.policy, viewer) !== member.group?.scope) moving.push(member);
    }
    for (const member of moving) {
      member.group?.remove(member);
      member.liveFrom = NOT_LIVE;
      void this.join(member).catch(() => false);
    }
  }
}
