import { createHmac } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../common/logger.js';
import type { JournalBus } from '../../realtime/journal-bus.js';

export interface WebhookDispatcherOptions {
  /** How long a receiver may take to answer (default 10 s); longer is a failed attempt. */
  timeoutMs?: number;
  /** Wait before the first retry (default 5 s) after a failed attempt ends; doubled after every further failure… */
  retryBaseMs?: number;
  /** …up to this (default 1 h). */
  retryMaxMs?: number;
  /** How often due retries are looked for (default 1 s); new changes wake the dispatcher at once. */
  pollMs?: number;
  /** Webhooks delivered at the same time by one instance (default 4); each one's changes stay in order. */
  concurrency?: number;
  /** How long the delivery log keeps attempts (default 30 days). */
  keepDeliveriesDays?: number;
}

const PRUNE_EVERY_MS = 10 * 60_000;

interface DueWebhook {
  id: string;
  url: string;
  secret: string;
  actions: string[];
  object_types: string[];
  cursor_seq: string;
  attempts: number;
}

interface JournalRow {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  summary: string;
  changes: unknown;
  context: unknown;
}

/** `sha256=<hex>` of HMAC-SHA256(secret, "<timestamp>.<body>") — what receivers recompute to verify. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Exponential back-off: base, 2·base, 4·base, … capped. */
export function retryDelayMs(failedAttempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
}

/**
 * Delivers committed journal rows to webhooks. Each webhook's cursor (`cursor_seq`) and retry state
 * live in its row: a delivery is one transaction that locks the row (`FOR UPDATE SKIP LOCKED`, so
 * another instance skips a webhook being delivered), POSTs the next matching change after the cursor,
 * logs the attempt and moves the cursor only on a 2xx. Order per webhook is journal order; a failing
 * change blocks the ones after it until it succeeds; a restart resumes at the cursor. A process killed
 * between the receiver's 2xx and the commit sends that change again (at-least-once), with the same
 * `X-Loadout-Delivery` id for the receiver to recognise it.
 */
export class WebhookDispatcher {
  private readonly timeoutMs: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly keepDeliveriesDays: number;
  private lastPrune = 0;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private wakeQueued?: NodeJS.Immediate;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: JournalBus,
    private readonly logger: Logger,
    options: WebhookDispatcherOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retryBaseMs = options.retryBaseMs ?? 5_000;
    this.retryMaxMs = options.retryMaxMs ?? 3_600_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.concurrency = options.concurrency ?? 4;
    this.keepDeliveriesDays = options.keepDeliveriesDays ?? 30;
  }

  start(): void {
    this.stopped = false;
    // Not inside the bus's delivery: the live subscribers after this listener would wait for the query
    // this starts. One wake-up for all the entries the bus delivers in one go.
    this.unsubscribe = this.bus.subscribe(() => {
      this.wakeQueued ??= setImmediate(() => {
        this.wakeQueued = undefined;
        this.wake();
      });
    });
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Stops taking new work and waits for deliveries in flight to finish and commit. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearImmediate(this.wakeQueued);
    this.wakeQueued = undefined;
    clearInterval(this.timer);
    await this.running;
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.cycle()
      .catch((error: Error) => this.logger.error('Webhook delivery cycle failed', { error: error.message }))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async cycle(): Promise<void> {
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await this.orm.em.fork().execute(`delete from webhook_delivery where at < now() - (? * interval '1 day')`, [this.keepDeliveriesDays]);
    }
    const due = await this.orm.em.fork().execute<Array<{ id: string }>>(
      `select id from webhook
        where active and (next_attempt_at is null or next_attempt_at <= now())
          and cursor_seq < (select coalesce(max(seq), 0) from journal)
        order by id`,
    );
    const queue = due.map((row) => row.id);
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && !this.stopped; id = queue.shift()) {
        while (!this.stopped && (await this.deliverNext(id)));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
  }

  /** Delivers the next change for one webhook; true when it succeeded and more may follow. */
  private async deliverNext(webhookId: string): Promise<boolean> {
    return this.orm.em.fork().transactional(async (em) => {
      const [webhook] = await em.execute<DueWebhook[]>(
        `select id, url, secret, actions, object_types, cursor_seq, attempts from webhook
          where id = ? and active and (next_attempt_at is null or next_attempt_at <= now())
          for update skip locked`,
        [webhookId],
      );
      if (!webhook) return false;
      // Journal writers are serialised and commit in seq order, so everything up to max(seq) is final.
      const [{ max }] = await em.execute<Array<{ max: string }>>('select coalesce(max(seq), 0) as max from journal');
      const change = await this.nextChange(em, webhook, max);
      if (!change) {
        await em.execute('update webhook set cursor_seq = greatest(cursor_seq, ?) where id = ?', [max, webhook.id]);
        return false;
      }
      const attempt = webhook.attempts + 1;
      const outcome = await this.post(webhook, change, attempt);
      await em.execute(
        `insert into webhook_delivery (webhook_id, journal_seq, attempt, succeeded, status_code, error, duration_ms) values (?, ?, ?, ?, ?, ?, ?)`,
        [webhook.id, change.seq, attempt, outcome.ok, outcome.status, outcome.error, outcome.durationMs],
      );
      if (outcome.ok) {
        await em.execute(
          `update webhook set cursor_seq = ?, attempts = 0, next_attempt_at = null, last_error = null, last_delivered_at = now() where id = ?`,
          [change.seq, webhook.id],
        );
        return true;
      }
      const delay = retryDelayMs(attempt, this.retryBaseMs, this.retryMaxMs);
      await em.execute(
        `update webhook set attempts = ?, next_attempt_at = clock_timestamp() + (? * interval '1 millisecond'), last_error = ? where id = ?`,
        [attempt, delay, outcome.error, webhook.id],
      );
      this.logger.warn('Webhook delivery failed; will retry', { webhookId: webhook.id, seq: change.seq, attempt, retryInMs: delay, error: outcome.error });
      return false;
    });
  }

  private async nextChange(em: EntityManager, webhook: DueWebhook, max: string): Promise<JournalRow | undefined> {
    const [row] = await em.execute<JournalRow[]>(
      `select seq, at, actor_id, actor_label, action, object_type, object_id, summary, changes, context from journal
        where seq > ? and seq <= ?
          and (cardinality(?::text[]) = 0 or action = any(?::text[])
               or exists (select 1 from unnest(?::text[]) kind where right(kind, 1) = '.' and starts_with(action, kind)))
          and (cardinality(?::text[]) = 0 or object_type = any(?::text[]))
        order by seq limit 1`,
      [webhook.cursor_seq, max, ...Array(3).fill(arrayLiteral(webhook.actions)), ...Array(2).fill(arrayLiteral(webhook.object_types))],
    );
    return row;
  }

  private async post(webhook: DueWebhook, change: JournalRow, attempt: number): Promise<{ ok: boolean; status: number | null; error: string | null; durationMs: number }> {
    const deliveryId = `${webhook.id}:${change.seq}`;
    const body = JSON.stringify({
      deliveryId,
      webhookId: webhook.id,
      seq: Number(change.seq),
      at: new Date(change.at).toISOString(),
      action: change.action,
      objectType: change.object_type,
      objectId: change.object_id,
      summary: change.summary,
      actor: { id: change.actor_id, label: change.actor_label },
      changes: change.changes,
      context: change.context,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Loadout-Webhooks/1',
          'x-loadout-delivery': deliveryId,
          'x-loadout-attempt': String(attempt),
          'x-loadout-event': change.action,
          'x-loadout-timestamp': timestamp,
          'x-loadout-signature': webhookSignature(webhook.secret, timestamp, body),
        },
        body,
      });
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return { ok, status: response.status, error: ok ? null : `HTTP ${response.status}`, durationMs: elapsed() };
    } catch (error) {
      const err = error as Error & { cause?: { code?: string; message?: string } };
      const reason = err.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : `connection failed: ${err.cause?.code ?? err.cause?.message ?? err.message}`;
      return { ok: false, status: null, error: reason, durationMs: elapsed() };
    }
  }
}

function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
