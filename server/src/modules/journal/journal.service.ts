import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../common/errors.js';
import type { FieldHistory } from '../../common/field-merge.js';
import type { FieldChange, JournalEntry, JournalFilter, JournalPage, LiveAttachment, PageInput } from './journal-entry.types.js';

/** What a service records about one change. */
export interface JournalInput {
  actor?: { id: string; name: string } | null;
  /** Overrides the actor's name, e.g. the e-mail tried at a failed login. */
  actorLabel?: string;
  action: string;
  objectType: string;
  objectId?: string | null;
  summary: string;
  changes?: FieldChange[];
  context?: Record<string, unknown>;
  /** Handed in memory to this instance's live subscribers once the row commits; not stored. */
  live?: LiveAttachment;
}

/** Serialises journal writers so that `seq` order equals commit order and no listener skips a row. */
const JOURNAL_LOCK = 7_368_823;
const CHANGES_SINCE_LIMIT = 500;
/** How many rows `feedSince` returns at most; fewer means it read up to the newest committed row. */
export const FEED_BATCH = 500;
/**
 * Attachments waiting for the bus. The bus takes each as it delivers the row; one whose row never
 * commits (a rolled-back write) is dropped once this many are newer.
 */
const LIVE_ATTACHMENTS_KEPT = 1024;

interface JournalRow {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  summary: string;
  changes: FieldChange[];
  context: Record<string, unknown>;
}

const COLUMNS = 'seq, at, actor_id, actor_label, action, object_type, object_id, summary, changes, context';

function toEntry(row: JournalRow): JournalEntry {
  return {
    seq: Number(row.seq),
    at: new Date(row.at),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    summary: row.summary,
    changes: row.changes,
    context: row.context,
  };
}

/**
 * A committed row as the live bus delivers it, with its links in the journal's hash chain: the row
 * whose `hash` is this row's `prevHash` comes right before it, whatever gaps `seq` has.
 */
export interface FeedEntry {
  entry: JournalEntry;
  prevHash: string;
  hash: string;
}

type FeedRow = JournalRow & { prev_hash: string; hash: string };

function toFeedEntry(row: FeedRow): FeedEntry {
  return { entry: toEntry(row), prevHash: row.prev_hash, hash: row.hash };
}

/**
 * The row carried by a journal NOTIFY (see Migration20261122300000_journal_notify_payload), or
 * undefined for a plain wake-up (an empty payload: the row was too large, or its transaction had sent
 * enough) and for anything else, which the bus then treats as a wake-up too.
 */
export function feedEntryFromNotification(payload: string | undefined): FeedEntry | undefined {
  if (!payload || payload[0] !== '{') return undefined;
  try {
    const row = JSON.parse(payload) as Partial<FeedRow>;
    if (typeof row.seq !== 'number' || typeof row.prev_hash !== 'string' || typeof row.hash !== 'string' || typeof row.action !== 'string') return undefined;
    return toFeedEntry(row as FeedRow);
  } catch {
    return undefined;
  }
}

/** `prev_hash` of the first journal row (see Migration20261122100000_admin for the chain's definition). */
export const GENESIS_HASH = '0'.repeat(64);
const VERIFY_BATCH = 5_000;

/** Outcome of `JournalService.verifyChain`. */
export type ChainVerification =
  | { ok: true; rows: number; lastSeq: number }
  | { ok: false; rows: number; brokenSeq: number; action: string; at: Date; reason: string };

/** Lists the fields whose values differ, for the journal's old → new view. */
export function diffFields<T extends object>(before: T, after: T, fields: ReadonlyArray<keyof T & string>): FieldChange[] {
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, oldValue: before[field] ?? null, newValue: after[field] ?? null }));
}

/**
 * The journal is the audit log, the change feed and the outbox of the live bus at once.
 * Rows are written in the transaction of the change they describe; a trigger notifies on commit.
 */
export class JournalService {
  /** Highest seq appended per open (root) transaction, announced once that transaction commits. */
  private readonly pending = new WeakMap<object, number>();
  /**
   * Attachments of rows this instance appended, by seq, kept from the append on: the bus reads only
   * committed rows, and may read one (woken by its NOTIFY) before this instance's commit callback runs.
   */
  private readonly live = new Map<number, LiveAttachment>();
  private readonly committedListeners = new Set<(seq: number) => void>();

  constructor(private readonly orm: MikroORM) {
    orm.em.getEventManager().registerSubscriber({
      afterTransactionCommit: ({ transaction }) => {
        const seq = transaction ? this.pending.get(transaction) : undefined;
        if (seq === undefined) return;
        this.pending.delete(transaction!);
        for (const listener of this.committedListeners) listener(seq);
      },
    });
  }

  /**
   * Calls `listener` with the last seq of every transaction that appended journal rows, after it
   * committed (never for rolled-back work). A hint for transports such as Redis: the journal stays
   * the source of truth, so a missed call only delays delivery until the next read of the journal.
   */
  onCommitted(listener: (seq: number) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  /**
   * The in-memory attachment of a row this instance appended, once (the bus takes it as it
   * delivers the committed row); undefined for rows of other instances, or when it was already taken.
   */
  takeLive(seq: number): LiveAttachment | undefined {
    const attachment = this.live.get(seq);
    if (attachment) this.live.delete(seq);
    return attachment;
  }

  /** Appends rows inside the caller's transaction; call it after the change is flushed. */
  async append(em: EntityManager, entries: JournalInput[]): Promise<number[]> {
    if (!em.isInTransaction()) throw new Error('JournalService.append must run inside a transaction');
    await em.execute('select pg_advisory_xact_lock(?)', [JOURNAL_LOCK]);
    const seqs: number[] = [];
    for (const entry of entries) {
      const [row] = await em.execute<Array<{ seq: string }>>(
        `insert into journal (actor_id, actor_label, action, object_type, object_id, summary, changes, context)
         values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb) returning seq`,
        [
          entry.actor?.id ?? null,
          entry.actorLabel ?? entry.actor?.name ?? null,
          entry.action,
          entry.objectType,
          entry.objectId ?? null,
          entry.summary,
          JSON.stringify(entry.changes ?? []),
          JSON.stringify(entry.context ?? {}),
        ],
      );
      seqs.push(Number(row.seq));
    }
    // Rows appended inside a savepoint are keyed by it and not announced; the bus's periodic read finds them.
    const transaction = em.getTransactionContext<object>();
    if (transaction && seqs.length > 0) this.pending.set(transaction, Math.max(this.pending.get(transaction) ?? 0, ...seqs));
    entries.forEach((entry, i) => {
      if (entry.live) this.live.set(seqs[i]!, entry.live);
    });
    for (const kept of this.live.keys()) {
      if (this.live.size <= LIVE_ATTACHMENTS_KEPT) break;
      this.live.delete(kept);
    }
    return seqs;
  }

  /** Runs `work` and journals what it returns, in one transaction. */
  async record<T>(work: (em: EntityManager) => Promise<{ result: T; journal: JournalInput[] }>): Promise<T> {
    return this.orm.em.fork().transactional(async (em) => {
      const { result, journal } = await work(em);
      await em.flush();
      await this.append(em, journal);
      return result;
    });
  }

  /**
   * For the field-level merge: every field of an object changed by rows whose `context.version` is
   * newer than `version`, with the value it had at `version` and who changed it.
   */
  async fieldHistorySince(em: EntityManager, objectType: string, objectId: string, version: number): Promise<Map<string, FieldHistory>> {
    const rows = await em.execute<Array<{ changes: FieldChange[]; actor_label: string | null }>>(
      `select changes, actor_label from journal
        where object_type = ? and object_id = ? and (context ->> 'version')::int > ?
        order by seq`,
      [objectType, objectId, version],
    );
    const history = new Map<string, FieldHistory>();
    for (const row of rows) {
      for (const change of row.changes) {
        const known = history.get(change.field);
        if (!known) history.set(change.field, { valueAtVersion: change.oldValue, changedBy: row.actor_label ? [row.actor_label] : [] });
        else if (row.actor_label && !known.changedBy.includes(row.actor_label)) known.changedBy.push(row.actor_label);
      }
    }
    return history;
  }

  /** Rows that notify a person (their `context.notify` names them) after `seq`, oldest first. */
  async notificationsFor(personId: string, seq: number, limit: number): Promise<JournalEntry[]> {
    if (!Number.isSafeInteger(seq) || seq < 0) throw new BadUserInputError([{ field: 'seq', message: 'must be 0 or more' }]);
    const rows = await this.orm.em.fork().execute<JournalRow[]>(
      `select ${COLUMNS} from journal where context -> 'notify' @> ?::jsonb and seq > ? order by seq limit ?`,
      [JSON.stringify([personId]), seq, limit],
    );
    return rows.map(toEntry);
  }

  async maxSeq(): Promise<number> {
    const [row] = await this.orm.em.fork().execute<Array<{ seq: string | null }>>('select max(seq) as seq from journal');
    return Number(row.seq ?? 0);
  }

  /** The newest row's seq and hash (0 and the genesis hash for an empty journal): where the bus starts. */
  async head(): Promise<{ seq: number; hash: string }> {
    const [row] = await this.orm.em.fork().execute<Array<{ seq: string; hash: string }>>('select seq, hash from journal order by seq desc limit 1');
    return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /** Committed rows after `seq`, oldest first, at most `FEED_BATCH`, with their links in the hash chain: the live bus's read. */
  async feedSince(seq: number): Promise<FeedEntry[]> {
    const rows = await this.orm.em
      .fork()
      .execute<FeedRow[]>(`select ${COLUMNS}, prev_hash, hash from journal where seq > ? order by seq limit ?`, [seq, FEED_BATCH]);
    return rows.map(toFeedEntry);
  }

  /** Committed rows after `seq`, oldest first. */
  async since(seq: number, limit = CHANGES_SINCE_LIMIT): Promise<JournalEntry[]> {
    if (!Number.isSafeInteger(seq) || seq < 0) throw new BadUserInputError([{ field: 'seq', message: 'must be 0 or more' }]);
    const rows = await this.orm.em
      .fork()
      .execute<JournalRow[]>(`select ${COLUMNS} from journal where seq > ? order by seq limit ?`, [seq, Math.min(limit, CHANGES_SINCE_LIMIT)]);
    return rows.map(toEntry);
  }

  async list(givenFilter?: JournalFilter | null, givenPage?: PageInput | null): Promise<JournalPage> {
    // An explicit GraphQL null arrives as null, which default parameters do not replace.
    const filter = givenFilter ?? {};
    const page = givenPage ?? { limit: 50, offset: 0 };
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.actorId) (where.push('actor_id = ?'), params.push(filter.actorId));
    if (filter.action?.endsWith('.')) (where.push('starts_with(action, ?)'), params.push(filter.action));
    else if (filter.action) (where.push('action = ?'), params.push(filter.action));
    if (filter.objectType) (where.push('object_type = ?'), params.push(filter.objectType));
    if (filter.objectId) (where.push('object_id = ?'), params.push(filter.objectId));
    if (filter.from) (where.push('at >= ?'), params.push(filter.from));
    if (filter.to) (where.push('at < ?'), params.push(filter.to));
    const clause = where.length > 0 ? `where ${where.join(' and ')}` : '';
    const em = this.orm.em.fork();
    const [countRow] = await em.execute<Array<{ total: string }>>(`select count(*) as total from journal ${clause}`, params);
    const rows = await em.execute<JournalRow[]>(`select ${COLUMNS} from journal ${clause} order by seq desc limit ? offset ?`, [
      ...params,
      page.limit,
      page.offset,
    ]);
    const total = Number(countRow.total);
    return { entries: rows.map(toEntry), total, hasMore: page.offset + rows.length < total };
  }

  /**
   * Recomputes the hash chain in `seq` order and names the first row that does not match: its content
   * was altered (its hash no longer matches), or the row before it was removed or altered (its link is
   * broken). Reads in batches so a large journal is not loaded at once.
   */
  async verifyChain(): Promise<ChainVerification> {
    const em = this.orm.em.fork();
    let previousHash = GENESIS_HASH;
    let previousSeq = 0;
    let rows = 0;
    for (;;) {
      const batch = await em.execute<Array<{ seq: string; action: string; at: Date; prev_hash: string; hash: string; computed: string }>>(
        `select seq, action, at, prev_hash, hash,
                journal_row_hash(prev_hash, seq, at, actor_id, actor_label, action, object_type, object_id, summary, changes, context) as computed
           from journal where seq > ? order by seq limit ?`,
        [previousSeq, VERIFY_BATCH],
      );
      for (const row of batch) {
        const seq = Number(row.seq);
        const broken = (reason: string): ChainVerification => ({ ok: false, rows, brokenSeq: seq, action: row.action, at: new Date(row.at), reason });
        if (row.prev_hash !== previousHash) {
          return broken(previousSeq === 0 ? 'it is not the start of the chain: earlier rows were removed' : `its link to row ${previousSeq} is broken: a row between them was removed, or row ${previousSeq} was altered`);
        }
        if (row.computed !== row.hash) return broken('its content was altered after it was written (the hash does not match)');
        previousHash = row.hash;
        previousSeq = seq;
        rows += 1;
      }
      if (batch.length < VERIFY_BATCH) return { ok: true, rows, lastSeq: previousSeq };
    }
  }

  /** Accounts that made at least one journaled change (one index probe per account). */
  async actors(): Promise<Array<{ id: string; name: string; email: string }>> {
    return this.orm.em
      .fork()
      .execute<Array<{ id: string; name: string; email: string }>>(
        'select u.id, u.name, u.email from app_user u where exists (select 1 from journal j where j.actor_id = u.id) order by u.name, u.email',
      );
  }

  /** Failed logins in the last `minutes` for an e-mail and for an address, for rate limiting. */
  async recentFailedLogins(email: string, ip: string | undefined, minutes: number): Promise<{ byEmail: number; byIp: number }> {
    const [row] = await this.orm.em.fork().execute<Array<{ by_email: string; by_ip: string }>>(
      `select count(*) filter (where lower(object_id) = lower(?)) as by_email,
              count(*) filter (where context->>'ip' = ?) as by_ip
         from journal
        where action = 'auth.login_failed' and at > now() - make_interval(mins => ?)`,
      [email, ip ?? '', minutes],
    );
    return { byEmail: Number(row.by_email), byIp: Number(row.by_ip) };
  }
}
