import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors.js';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { Viewer } from '../../graphql/context.js';
import { diffFields, type JournalService } from '../journal/journal.service.js';
import { Webhook, WebhookDelivery, type WebhookInput } from './webhook.types.js';

interface WebhookRow {
  id: string;
  url: string;
  description: string;
  actions: string[];
  object_types: string[];
  active: boolean;
  cursor_seq: string;
  attempts: number;
  next_attempt_at: Date | string | null;
  last_error: string | null;
  last_delivered_at: Date | string | null;
  version: number;
  created_at: Date | string;
}

const COLUMNS = 'id, url, description, actions, object_types, active, cursor_seq, attempts, next_attempt_at, last_error, last_delivered_at, version, created_at';
const JOURNALED = ['url', 'description', 'actions', 'objectTypes', 'active'] as const;

/** Raw queries give timestamps as PostgreSQL text. */
function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    actions: row.actions,
    objectTypes: row.object_types,
    active: row.active,
    cursorSeq: Number(row.cursor_seq),
    attempts: row.attempts,
    nextAttemptAt: dateOrNull(row.next_attempt_at),
    lastError: row.last_error,
    lastDeliveredAt: dateOrNull(row.last_delivered_at),
    version: row.version,
    createdAt: new Date(row.created_at),
  };
}

/** A PostgreSQL text[] literal for one bound parameter (Knex would expand a JS array into a list). */
function textArray(values: readonly string[] | undefined | null): string | null {
  if (!values) return null;
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** Only http(s) addresses: a webhook must not make the server read files or talk other protocols. */
export function checkWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new BadUserInputError([{ field: 'url', message: 'is not a valid address' }]);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new BadUserInputError([{ field: 'url', message: 'must start with http:// or https://' }]);
  if (parsed.username || parsed.password) throw new BadUserInputError([{ field: 'url', message: 'must not carry a user name or password; the signature authenticates the sender' }]);
  return parsed.toString();
}

/** Registering, changing and listing webhooks (`settings:manage`); delivery is WebhookDispatcher's. */
export class WebhookService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
  ) {}

  async list(viewer: Viewer): Promise<Webhook[]> {
    requirePermissions(viewer, ['settings:manage']);
    const rows = await this.orm.em.fork().execute<WebhookRow[]>(`select ${COLUMNS} from webhook order by created_at, id`);
    return rows.map(toWebhook);
  }

  async deliveries(viewer: Viewer, webhookId: string | null, failedOnly: boolean, limit: number): Promise<WebhookDelivery[]> {
    requirePermissions(viewer, ['settings:manage']);
    if (webhookId !== null && !isUUID(webhookId)) throw new BadUserInputError([{ field: 'webhookId', message: 'is not a webhook id' }]);
    if (limit < 1 || limit > 500) throw new BadUserInputError([{ field: 'limit', message: 'must be between 1 and 500' }]);
    const rows = await this.orm.em.fork().execute<
      Array<{ id: string; webhook_id: string; journal_seq: string; attempt: number; at: Date; succeeded: boolean; status_code: number | null; error: string | null; duration_ms: number }>
    >(
      `select id, webhook_id, journal_seq, attempt, at, succeeded, status_code, error, duration_ms from webhook_delivery
        where (?::uuid is null or webhook_id = ?::uuid) and (not ? or not succeeded)
        order by id desc limit ?`,
      [webhookId, webhookId, failedOnly, limit],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      webhookId: row.webhook_id,
      journalSeq: Number(row.journal_seq),
      attempt: row.attempt,
      at: new Date(row.at),
      succeeded: row.succeeded,
      statusCode: row.status_code,
      error: row.error,
      durationMs: row.duration_ms,
    }));
  }

  /** Registers a webhook; it receives the changes committed from now on. */
  async create(viewer: Viewer, input: WebhookInput): Promise<Webhook> {
    requirePermissions(viewer, ['settings:manage']);
    const problems = [];
    if (!input.url) problems.push({ field: 'url', message: 'is required' });
    if (!input.secret) problems.push({ field: 'secret', message: 'is required (16–200 characters)' });
    if (problems.length > 0) throw new BadUserInputError(problems);
    const url = checkWebhookUrl(input.url!);
    return this.journal.record(async (em) => {
      const [row] = await em.execute<WebhookRow[]>(
        `insert into webhook (url, secret, description, actions, object_types, active, cursor_seq, created_by)
         values (?, ?, ?, ?::text[], ?::text[], ?, (select coalesce(max(seq), 0) from journal), ?) returning ${COLUMNS}`,
        [url, input.secret, input.description?.trim() ?? '', textArray(input.actions ?? []), textArray(input.objectTypes ?? []), input.active ?? true, viewer.id],
      );
      const webhook = toWebhook(row);
      return {
        result: webhook,
        journal: [
          {
            actor: viewer,
            action: 'webhook.create',
            objectType: 'Webhook',
            objectId: webhook.id,
            summary: `Webhook to ${webhook.url} registered`,
            changes: diffFields({} as Webhook, webhook, JOURNALED),
            context: { version: webhook.version },
          },
        ],
      };
    });
  }

  /** Changes a webhook; a stale `expectedVersion` is a CONFLICT naming the current version. */
  async update(viewer: Viewer, id: string, expectedVersion: number, input: WebhookInput): Promise<Webhook> {
    requirePermissions(viewer, ['settings:manage']);
    const url = input.url !== undefined && input.url !== null ? checkWebhookUrl(input.url) : undefined;
    return this.journal.record(async (em) => {
      const before = await this.lockedRow(em, id);
      if (before.version !== expectedVersion) {
        throw new ConflictError(`The webhook was changed meanwhile (version ${before.version}); reload it and try again.`, { currentVersion: before.version });
      }
      const [row] = await em.execute<WebhookRow[]>(
        `update webhook set url = coalesce(?, url), secret = coalesce(?, secret), description = coalesce(?, description),
                actions = coalesce(?::text[], actions), object_types = coalesce(?::text[], object_types), active = coalesce(?, active),
                -- resuming retries the failing change at once
                next_attempt_at = case when ? then null else next_attempt_at end,
                version = version + 1, updated_at = now()
          where id = ? returning ${COLUMNS}`,
        [url ?? null, input.secret ?? null, input.description?.trim() ?? null, textArray(input.actions), textArray(input.objectTypes), input.active ?? null, input.active === true, id],
      );
      const after = toWebhook(row);
      const changes = diffFields(before, after, JOURNALED);
      if (input.secret) changes.push({ field: 'secret', oldValue: '•••', newValue: '•••' });
      return {
        result: after,
        journal: [{ actor: viewer, action: 'webhook.update', objectType: 'Webhook', objectId: id, summary: `Webhook to ${after.url} changed`, changes, context: { version: after.version } }],
      };
    });
  }

  /** Removes a webhook and its delivery log; nothing more is sent to it. */
  async delete(viewer: Viewer, id: string): Promise<Webhook> {
    requirePermissions(viewer, ['settings:manage']);
    return this.journal.record(async (em) => {
      const before = await this.lockedRow(em, id);
      await em.execute('delete from webhook where id = ?', [id]);
      return {
        result: before,
        journal: [{ actor: viewer, action: 'webhook.delete', objectType: 'Webhook', objectId: id, summary: `Webhook to ${before.url} removed`, changes: diffFields(before, {} as Webhook, JOURNALED) }],
      };
    });
  }

  private async lockedRow(em: EntityManager, id: string): Promise<Webhook> {
    if (!isUUID(id)) throw new BadUserInputError([{ field: 'id', message: 'is not a webhook id' }]);
    const [row] = await em.execute<WebhookRow[]>(`select ${COLUMNS} from webhook where id = ? for update`, [id]);
    if (!row) throw new NotFoundError('Webhook', id);
    return toWebhook(row);
  }
}
