import { EventEmitter, on } from 'node:events';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Logger } from '../common/logger.js';
import type { JournalEntry } from '../modules/journal/journal-entry.types.js';
import { FEED_BATCH, feedEntryFromNotification, type FeedEntry, type JournalService } from '../modules/journal/journal.service.js';
import { pushIterator } from './push-iterator.js';

export const BUS_CHANNEL = 'loadout';
/** Presence is ephemeral and not journaled; its changes travel on a channel of their own. */
export const PRESENCE_CHANNEL = 'loadout_presence';
/** Emitted to presence listeners after a reconnect: every scope may have changed. */
export const ALL_SCOPES = '*';
export const BUS_APPLICATION_NAME = 'loadout-bus';
/**
 * How many committed rows `entriesAfter` replays at most. A subscriber further behind starts live
 * only and catches up with a query of its own (e.g. `calendarChangesSince`), or reloads.
 */
export const REPLAY_LIMIT = 200;
/** The Redis channel that carries "the journal grew up to seq N" between instances. */
export const REDIS_CHANNEL = 'loadout:journal';
/** With Redis, how often the journal is read anyway, so a lost message only delays delivery. */
export const REDIS_SAFETY_POLL_MS = 1000;

export interface JournalBusOptions {
  /**
   * Wake-ups travel through Redis pub/sub instead of PostgreSQL NOTIFY. Each instance publishes
   * after its own commits; the journal stays the source of truth (read by seq), so a lost or
   * duplicated message never loses or repeats a change.
   */
  redisUrl?: string;
}

/** Whether this instance can reach its database (as seen by the bus). */
export interface BusStatus {
  database: 'up' | 'down';
}

/**
 * The in-process end of the live bus. One LISTEN connection per server instance. A NOTIFY carries its
 * journal row (see Migration20261122300000_journal_notify_payload): when that row comes right after
 * the last one delivered (its `prev_hash` is that row's `hash`), it is delivered as it is, without a
 * read. Otherwise (a plain wake-up, a row after a gap, a reconnect, a Redis message) the bus reads the
 * journal after the last sequence number it delivered, so a dropped connection or a lost notification
 * catches up with nothing missed and nothing delivered twice, always in `seq` order.
 */
export class JournalBus {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | undefined;
  private lastSeq = 0;
  /** The hash of the row at `lastSeq`: a carried row whose `prev_hash` equals it is the next one. */
  private lastHash = '';
  private reads = 0;
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  /** Carried rows that came during a read of the journal: delivered after it when they follow on, instead of another read. */
  private held: FeedEntry[] = [];
  private stopped = false;
  private reconnectDelay = 100;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private databaseUp = true;
  private redisSubscriber: Redis | undefined;
  private redisPublisher: Redis | undefined;
  private safetyPoll: NodeJS.Timeout | undefined;
  private stopCommitted: (() => void) | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly journal: JournalService,
    private readonly logger: Logger,
    private readonly options: JournalBusOptions = {},
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** `redis` when REDIS_URL carries the wake-ups, else `postgres` (LISTEN/NOTIFY). */
  get transport(): 'postgres' | 'redis' {
    return this.options.redisUrl ? 'redis' : 'postgres';
  }

  get status(): BusStatus {
    return { database: this.databaseUp ? 'up' : 'down' };
  }

  /** Calls `listener` each time the database goes away or comes back. Returns the unsubscribe function. */
  onStatus(listener: (status: BusStatus) => void): () => void {
    this.emitter.on('status', listener);
    return () => this.emitter.off('status', listener);
  }

  /** The last sequence number delivered to subscribers of this instance. */
  get deliveredSeq(): number {
    return this.lastSeq;
  }

  /** How many times this bus has read the journal (tests count them: a carried row needs none). */
  get journalReads(): number {
    return this.reads;
  }

  /** How many listeners read live entries now (one per shared subscription group or unshared subscription). */
  get subscriberCount(): number {
    return this.emitter.listenerCount('entry');
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  async start(): Promise<void> {
    const head = await this.journal.head();
    this.lastSeq = head.seq;
    this.lastHash = head.hash;
    if (this.options.redisUrl) this.startRedis(this.options.redisUrl);
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.safetyPoll);
    this.stopCommitted?.();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
    this.redisSubscriber?.disconnect();
    this.redisPublisher?.disconnect();
    await this.draining;
    this.emitter.emit('close');
  }

  /** Calls `listener` with every committed journal entry, in order. Returns the unsubscribe function. */
  subscribe(listener: (entry: JournalEntry) => void): () => void {
    const safe = (entry: JournalEntry) => {
      try {
        listener(entry);
      } catch (error) {
        this.logger.error('A live bus subscriber failed', { error: (error as Error).message });
      }
    };
    this.emitter.on('entry', safe);
    return () => this.emitter.off('entry', safe);
  }

  /** Committed journal entries as an async iterator (ends when `signal` aborts or the bus stops). */
  async *entries(signal?: AbortSignal): AsyncGenerator<JournalEntry> {
    const closed = new AbortController();
    const onClose = () => closed.abort();
    this.emitter.once('close', onClose);
    const combined = signal ? AbortSignal.any([signal, closed.signal]) : closed.signal;
    try {
      for await (const [entry] of on(this.emitter, 'entry', { signal: combined })) yield entry as JournalEntry;
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    } finally {
      this.emitter.off('close', onClose);
    }
  }

  /**
   * Committed entries after `since`: first those already in the journal (when at most
   * `REPLAY_LIMIT` of them), then live ones, with nothing missed or repeated between the two —
   * listening starts before the journal is read. How a subscriber that just loaded data as of
   * `since` hands over to the live feed. Ends when `signal` aborts or the bus stops.
   */
  async *entriesAfter(since: number, signal?: AbortSignal): AsyncGenerator<JournalEntry> {
    const live = pushIterator<JournalEntry>(() => {
      unsubscribe();
      this.emitter.off('close', end);
      signal?.removeEventListener('abort', end);
    });
    const unsubscribe = this.subscribe(live.push);
    const end = () => void live.iterator.return?.();
    this.emitter.once('close', end);
    signal?.addEventListener('abort', end, { once: true });
    try {
      let last = since;
      const missed = await this.journal.since(since, REPLAY_LIMIT + 1);
      if (missed.length <= REPLAY_LIMIT) {
        for (const entry of missed) {
          last = entry.seq;
          yield entry;
        }
      }
      for await (const entry of live.iterator) if (entry.seq > last) yield entry;
    } finally {
      await live.iterator.return?.();
    }
  }

  /**
   * Committed entries after `since` up to and including `until` (all already delivered), or none
   * when more than `REPLAY_LIMIT` of them: the replay half of `entriesAfter`, for a subscriber
   * whose live half comes from elsewhere (a shared subscription group).
   */
  async *entriesBetween(since: number, until: number): AsyncGenerator<JournalEntry> {
    if (until <= since) return;
    const missed = await this.journal.since(since, REPLAY_LIMIT + 1);
    if (missed.length > REPLAY_LIMIT && missed[REPLAY_LIMIT]!.seq <= until) return;
    for (const entry of missed) {
      if (entry.seq > until) return;
      yield entry;
    }
  }

  /** Calls `listener` with the scope of every presence change (`*` after a reconnect). Returns the unsubscribe function. */
  onPresence(listener: (scope: string) => void): () => void {
    this.emitter.on('presence', listener);
    return () => this.emitter.off('presence', listener);
  }

  /**
   * Redis is an accelerator, never a dependency: the server starts and keeps working without it
   * (delivery then waits for the once-a-second read of the journal), and picks it up when it answers.
   */
  private startRedis(url: string): void {
    let redisDown = false;
    const lost = (error: Error) => {
      if (redisDown) return;
      redisDown = true;
      this.logger.warn('Live bus cannot reach Redis; the journal is read every second meanwhile', { error: error.message });
    };
    // Publishing never waits for Redis: a write is committed whatever Redis does.
    this.redisPublisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    this.redisPublisher.on('error', lost);
    this.redisSubscriber = new Redis(url);
    this.redisSubscriber.on('error', lost);
    this.redisSubscriber.on('message', () => this.scheduleDrain());
    // After a Redis (re)connect, whatever was published meanwhile is read from the journal.
    this.redisSubscriber.on('ready', () => {
      if (redisDown) this.logger.info('Live bus reaches Redis again');
      redisDown = false;
      this.scheduleDrain();
    });
    // Queued until connected; ioredis subscribes again after every reconnect.
    this.redisSubscriber.subscribe(REDIS_CHANNEL).catch(lost);
    this.stopCommitted = this.journal.onCommitted((seq) => {
      this.redisPublisher?.publish(REDIS_CHANNEL, String(seq)).catch((error: Error) => this.logger.debug('Redis publish failed', { error: error.message }));
    });
    this.safetyPoll = setInterval(() => this.scheduleDrain(), REDIS_SAFETY_POLL_MS);
    this.safetyPoll.unref();
  }

  private setDatabaseUp(up: boolean): void {
    if (this.databaseUp === up) return;
    this.databaseUp = up;
    if (up) this.logger.info('The database is reachable again');
    else this.logger.warn('The database is unreachable');
    this.emitter.emit('status', this.status);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: BUS_APPLICATION_NAME, connectionTimeoutMillis: 2000, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === PRESENCE_CHANNEL) this.emitter.emit('presence', message.payload ?? ALL_SCOPES);
      else this.onJournalNotification(message.payload);
    });
    client.on('error', (error) => this.onDisconnect(client, error));
    client.on('end', () => this.onDisconnect(client));
    try {
      await client.connect();
      // With Redis, journal wake-ups come from Redis; presence (never journaled) stays on NOTIFY.
      await client.query(this.options.redisUrl ? `LISTEN ${PRESENCE_CHANNEL}` : `LISTEN ${BUS_CHANNEL}; LISTEN ${PRESENCE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.reconnectDelay = 100;
    this.setDatabaseUp(true);
    this.emitter.emit('presence', ALL_SCOPES);
    // Whatever committed while we were not listening.
    this.scheduleDrain();
  }

  private onDisconnect(client: pg.Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn('Live bus lost its database connection; reconnecting', { error: error?.message });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.connect().catch((error: Error) => {
        this.logger.warn('Live bus reconnect failed', { error: error.message });
        this.setDatabaseUp(false);
        this.reconnectDelay = Math.min(this.reconnectDelay * 2, 2000);
        if (!this.stopped) this.scheduleReconnect();
      });
    }, this.reconnectDelay);
  }

  private onJournalNotification(payload: string | undefined): void {
    const carried = feedEntryFromNotification(payload);
    if (carried) {
      // Already delivered by a read of the journal that saw the row before its notification came.
      if (carried.entry.seq <= this.lastSeq) return;
      // Never during a read, which delivers what it read in order itself; the row waits for its end.
      if (this.draining) {
        this.held.push(carried);
        return;
      }
      // Only in chain order: anything else means a row in between is missing here (read it).
      if (this.follows(carried)) {
        this.deliver(carried);
        return;
      }
    }
    this.scheduleDrain();
  }

  /** After a read: the carried rows that came meanwhile, unless it delivered them; a gap among them needs another read. */
  private deliverHeld(): void {
    const held = this.held;
    this.held = [];
    for (const carried of held) {
      if (carried.entry.seq <= this.lastSeq) continue;
      if (!this.follows(carried)) {
        this.drainAgain = true;
        return;
      }
      this.deliver(carried);
    }
  }

  /** Whether a carried row comes right after the last one delivered (nothing lies between them), while running. */
  private follows(carried: FeedEntry): boolean {
    return !this.stopped && carried.prevHash === this.lastHash;
  }

  private deliver({ entry, hash }: FeedEntry): void {
    this.lastSeq = entry.seq;
    this.lastHash = hash;
    // A row this instance committed comes with what its write built for live subscribers.
    const live = this.journal.takeLive(entry.seq);
    if (live) entry.live = live;
    this.emitter.emit('entry', entry);
  }

  private scheduleDrain(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: Error) => {
        this.logger.warn('Live bus could not read the journal; will retry', { error: error.message });
        this.drainAgain = true;
      })
      .finally(() => {
        this.draining = undefined;
        this.deliverHeld();
        if (this.drainAgain) {
          this.drainAgain = false;
          setTimeout(() => this.scheduleDrain(), this.client ? 0 : this.reconnectDelay);
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      this.reads += 1;
      const entries = await this.journal.feedSince(this.lastSeq);
      for (const entry of entries) this.deliver(entry);
      // Rows committed after this read notify; a full batch may have more behind it.
      if (entries.length < FEED_BATCH || this.stopped) return;
    }
  }
}
