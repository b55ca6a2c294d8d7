import type { MikroORM } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import { BadUserInputError } from '../../common/errors.js';
import type { Logger } from '../../common/logger.js';
import type { Viewer } from '../../graphql/context.js';
import { PRESENCE_CHANNEL } from '../../realtime/journal-bus.js';
import type { PresenceSnapshot } from './presence.types.js';

/** Silent tabs disappear after this long without a heartbeat. */
export const PRESENCE_TTL_MS = 30_000;

const TAB_ID = /^[\w-]{1,64}$/;

export function checkTabId(tabId: string): void {
  if (tabId !== '' && !TAB_ID.test(tabId)) throw new BadUserInputError([{ field: 'tabId', message: 'must be 1–64 letters, digits, "-" or "_"' }]);
}

export function checkScope(scope: string): void {
  const [kind, id] = scope.split(':', 2);
  const valid = (scope === 'calendar' || scope === 'crew-schedule') || (kind === 'event' && id !== undefined && isUUID(id));
  if (!valid) throw new BadUserInputError([{ field: 'scope', message: 'must be "calendar", "crew-schedule" or "event:<event id>"' }]);
}

/**
 * Who has what open, shared by every instance through an unlogged table. Rows are keyed by session,
 * tab and scope; a heartbeat (`report`) extends them, a closed subscription removes them at once, and a
 * sweep removes those whose heartbeats stopped. Every change is announced with NOTIFY.
 */
export class PresenceService {
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly ttlMs = PRESENCE_TTL_MS,
  ) {}

  start(): void {
    const every = Math.max(250, Math.min(5000, Math.floor(this.ttlMs / 4)));
    this.sweeper = setInterval(() => void this.sweep().catch((error: Error) => this.logger.warn('Presence sweep failed', { error: error.message })), every);
    this.sweeper.unref();
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  /** A heartbeat: "I am here (and editing or not)". Announces only real changes. */
  async report(viewer: Viewer, scope: string, editing: boolean, tabId = ''): Promise<void> {
    checkScope(scope);
    checkTabId(tabId);
    const em = this.orm.em.fork();
    await em.execute(
      `with previous as (select editing from presence where session_id = ? and tab_id = ? and scope = ?),
            upserted as (
              insert into presence (session_id, tab_id, scope, user_id, editing, expires_at)
              values (?, ?, ?, ?, ?, now() + make_interval(secs => ?))
              on conflict (session_id, tab_id, scope) do update set editing = excluded.editing, expires_at = excluded.expires_at
              returning editing
            )
       select pg_notify(?, ?) from upserted where not exists (select 1 from previous where previous.editing = upserted.editing)`,
      [viewer.sessionId, tabId, scope, viewer.sessionId, tabId, scope, viewer.id, editing, this.ttlMs / 1000, PRESENCE_CHANNEL, scope],
    );
  }

  async leave(sessionId: string, tabId: string, scope: string): Promise<void> {
    await this.orm.em
      .fork()
      .execute(`with gone as (delete from presence where session_id = ? and tab_id = ? and scope = ? returning scope) select pg_notify(?, scope) from gone`, [
        sessionId,
        tabId,
        scope,
        PRESENCE_CHANNEL,
      ]);
  }

  async snapshot(scope: string): Promise<PresenceSnapshot> {
    const rows = await this.orm.em.fork().execute<Array<{ id: string; name: string; phone: string | null; editing: boolean; since: Date }>>(
      `select u.id, u.name, u.phone, bool_or(p.editing) as editing, min(p.since) as since
         from presence p join app_user u on u.id = p.user_id
        where p.scope = ? and p.expires_at > now()
        group by u.id, u.name, u.phone
        order by u.name`,
      [scope],
    );
    return { scope, people: rows.map((row) => ({ person: { id: row.id, name: row.name, phone: row.phone }, editing: row.editing, since: new Date(row.since) })) };
  }

  /** Removes rows whose heartbeats stopped and announces each scope that changed. */
  async sweep(): Promise<void> {
    await this.orm.em
      .fork()
      .execute(`with gone as (delete from presence where expires_at <= now() returning scope) select pg_notify(?, scope) from (select distinct scope from gone) as scopes`, [PRESENCE_CHANNEL]);
  }
}
