import { EventEmitter, on } from 'node:events';
import pg from 'pg';
import type { Logger } from '../common/logger.js';
import type { JournalEntry } from '../modules/journal/journal-entry.types.js';
import type { JournalService } from '../modules/journal/journal.service.js';
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

/**
 * The in-process end of the live bus. One LISTEN connection per server instance; on each NOTIFY
 * (and after every reconnect) it reads the journal after the last sequence number it delivered,
 * so a dropped connection catches up with nothing missed and nothing delivered twice.
 */
export class JournalBus {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | undefined;
  private lastSeq = 0;
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  private stopped = false;
  private reconnectDelay = 100;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly journal: JournalService,
    private readonly logger: Logger,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** The last sequence number delivered to subscribers of this instance. */
  get deliveredSeq(): number {
    return this.lastSeq;
  }

  /** How many listeners read live entries now (one per shared subscription group or unshared subscription). */
  get subscriberCount(): number {
    return this.emitter.listenerCount('entry');
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  async start(): Promise<void> {
    this.lastSeq = await this.journal.maxSeq();
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
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

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: BUS_APPLICATION_NAME, connectionTimeoutMillis: 5000 });
    client.on('notification', (message) => {
      if (message.channel === PRESENCE_CHANNEL) this.emitter.emit('presence', message.payload ?? ALL_SCOPES);
      else this.scheduleDrain();
    });
    client.on('error', (error) => this.onDisconnect(client, error));
    client.on('end', () => this.onDisconnect(client));
    await client.connect();
    await client.query(`LISTEN ${BUS_CHANNEL}; LISTEN ${PRESENCE_CHANNEL}`);
    this.client = client;
    this.reconnectDelay = 100;
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
        this.reconnectDelay = Math.min(this.reconnectDelay * 2, 5000);
        if (!this.stopped) this.scheduleReconnect();
      });
    }, this.reconnectDelay);
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
        if (this.drainAgain) {
          this.drainAgain = false;
          setTimeout(() => this.scheduleDrain(), this.client ? 0 : this.reconnectDelay);
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const entries = await this.journal.since(this.lastSeq);
      for (const entry of entries) {
        this.lastSeq = entry.seq;
        this.emitter.emit('entry', entry);
      }
      if (entries.length === 0 || this.stopped) return;
    }
  }
}
