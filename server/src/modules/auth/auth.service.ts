import type { MikroORM } from '@mikro-orm/postgresql';
import { BadUserInputError, RateLimitedError, UnauthenticatedError } from '../../common/errors.js';
import type { Viewer } from '../../graphql/context.js';
import type { JournalService } from '../journal/journal.service.js';
import { User } from '../staff/user.entity.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

/** Where a request came from; journaled with logins. */
export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

export interface AuthOptions {
  sessionTtlDays: number;
}

/** Failed logins allowed in the window per e-mail and per address before `RATE_LIMITED`. */
export const LOGIN_LIMITS = { windowMinutes: 15, perEmail: 5, perIp: 30 } as const;
const LAST_SEEN_RESOLUTION_MS = 60_000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A session that still grants access: not ended, not expired, its account active. */
function validSession() {
  return { endedAt: null, expiresAt: { $gt: new Date() }, user: { active: true } } as const;
}

function toViewer(session: Session): Viewer {
  const user = session.user;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    sessionId: session.id,
    roleId: user.role.id,
    permissions: new Set(user.role.permissions),
  };
}

/** Sign-in, sessions and own-password changes. */
export class AuthService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
    private readonly options: AuthOptions,
  ) {}

  private get ttlMs(): number {
    return this.options.sessionTtlDays * 24 * 60 * 60 * 1000;
  }

  get sessionMaxAgeSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  async login(emailInput: string, password: string, client: ClientInfo): Promise<{ token: string; viewer: Viewer }> {
    const email = normaliseEmail(emailInput);
    if (!email) throw new BadUserInputError([{ field: 'email', message: 'is required' }]);
    if (!password) throw new BadUserInputError([{ field: 'password', message: 'is required' }]);

    const failures = await this.journal.recentFailedLogins(email, client.ip, LOGIN_LIMITS.windowMinutes);
    if (failures.byEmail >= LOGIN_LIMITS.perEmail || failures.byIp >= LOGIN_LIMITS.perIp) {
      throw new RateLimitedError(LOGIN_LIMITS.windowMinutes * 60, `Too many failed sign-ins. Try again in ${LOGIN_LIMITS.windowMinutes} minutes.`);
    }

    const em = this.orm.em.fork();
    const user = await em.findOne(User, { email }, { populate: ['passwordHash', 'role'] });
    const passwordOk = await verifyPassword(user?.passwordHash, password);
    if (!user || !passwordOk || !user.active) {
      const reason = !user ? 'unknown e-mail' : !passwordOk ? 'wrong password' : 'account deactivated';
      await this.journal.record(async () => ({
        result: undefined,
        journal: [
          {
            actorLabel: email,
            action: 'auth.login_failed',
            objectType: 'Login',
            objectId: email,
            summary: `Failed sign-in for ${email}`,
            context: { ip: client.ip, userAgent: client.userAgent, reason },
          },
        ],
      }));
      // The same answer whatever the reason, so it does not reveal which e-mails exist.
      throw new UnauthenticatedError('E-mail or password is incorrect.');
    }

    const token = newSessionToken();
    const session = await this.journal.record(async (txEm) => {
      const created = txEm.create(Session, {
        tokenHash: hashSessionToken(token),
        user: txEm.getReference(User, user.id),
        expiresAt: new Date(Date.now() + this.ttlMs),
        userAgent: client.userAgent?.slice(0, 500) ?? null,
        ip: client.ip ?? null,
      });
      return {
        result: created,
        journal: [
          {
            actor: user,
            action: 'auth.login',
            objectType: 'Session',
            objectId: created.id,
            summary: `${user.name} signed in`,
            context: { ip: client.ip, userAgent: client.userAgent },
          },
        ],
      };
    });
    session.user = user;
    return { token, viewer: toViewer(session) };
  }

  /** The viewer of a session token, or null when it is unknown, ended, expired or its account inactive. */
  async resolveSession(token: string | undefined): Promise<Viewer | null> {
    if (!token || token.length > 200) return null;
    const em = this.orm.em.fork();
    // One statement without entity hydration: every request and every WebSocket (re)connection
    // passes here, thousands at once after a restart. Same conditions as `validSession()`.
    const [row] = await em.execute<Array<{ session_id: string; last_seen_at: Date; id: string; name: string; email: string; role_id: string; permissions: string[] }>>(
      `select s.id as session_id, s.last_seen_at, u.id, u.name, u.email, u.role_id, r.permissions
         from session s join app_user u on u.id = s.user_id join role r on r.id = u.role_id
        where s.token_hash = ? and s.ended_at is null and s.expires_at > ? and u.active`,
      [hashSessionToken(token), new Date()],
    );
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > LAST_SEEN_RESOLUTION_MS) {
      // Sliding expiry, written at most once a minute per session.
      await em.nativeUpdate(Session, { id: row.session_id }, { lastSeenAt: new Date(), expiresAt: new Date(Date.now() + this.ttlMs) });
    }
    return { id: row.id, name: row.name, email: row.email, sessionId: row.session_id, roleId: row.role_id, permissions: new Set(row.permissions) };
  }

  /** Of the given sessions, those still valid, with their current permissions. */
  async stillValid(sessionIds: string[]): Promise<Map<string, ReadonlySet<string>>> {
    if (sessionIds.length === 0) return new Map();
    const sessions = await this.orm.em
      .fork()
      .find(
        Session,
        { id: { $in: sessionIds }, ...validSession() },
        { populate: ['user', 'user.role'] },
      );
    return new Map(sessions.map((session) => [session.id, new Set(session.user.role.permissions)]));
  }

  async logout(viewer: Viewer, client: ClientInfo): Promise<void> {
    await this.journal.record(async (em) => {
      await em.nativeUpdate(Session, { id: viewer.sessionId, endedAt: null }, { endedAt: new Date() });
      return {
        result: undefined,
        journal: [
          { actor: viewer, action: 'auth.logout', objectType: 'Session', objectId: viewer.sessionId, summary: `${viewer.name} signed out`, context: { ip: client.ip } },
        ],
      };
    });
  }

  /** Ends the viewer's sessions (all, or all but the current one); returns how many ended. */
  async logoutEverywhere(viewer: Viewer, keepCurrent: boolean): Promise<number> {
    return this.journal.record(async (em) => {
      const ended = await em.nativeUpdate(
        Session,
        { user: viewer.id, endedAt: null, ...(keepCurrent ? { id: { $ne: viewer.sessionId } } : {}) },
        { endedAt: new Date() },
      );
      return {
        result: ended,
        journal: [
          {
            actor: viewer,
            action: 'auth.logout_everywhere',
            objectType: 'User',
            objectId: viewer.id,
            summary: `${viewer.name} ended ${ended} session(s)${keepCurrent ? ' elsewhere' : ''}`,
          },
        ],
      };
    });
  }

  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, endOtherSessions: boolean): Promise<void> {
    const problem = passwordProblem(newPassword);
    if (problem) throw new BadUserInputError([{ field: 'newPassword', message: problem }]);
    if (newPassword === currentPassword) {
      throw new BadUserInputError([{ field: 'newPassword', message: 'must differ from the current password' }]);
    }
    const user = await this.orm.em.fork().findOneOrFail(User, viewer.id, { populate: ['passwordHash'] });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new BadUserInputError([{ field: 'currentPassword', message: 'is not your current password' }]);
    }
    const passwordHash = await hashPassword(newPassword);
    await this.journal.record(async (em) => {
      await em.nativeUpdate(User, { id: viewer.id }, { passwordHash, updatedAt: new Date() });
      const ended = endOtherSessions
        ? await em.nativeUpdate(Session, { user: viewer.id, endedAt: null, id: { $ne: viewer.sessionId } }, { endedAt: new Date() })
        : 0;
      return {
        result: undefined,
        journal: [
          {
            actor: viewer,
            action: 'auth.password_change',
            objectType: 'User',
            objectId: viewer.id,
            summary: `${viewer.name} changed their password${ended ? ` and ended ${ended} other session(s)` : ''}`,
            changes: [{ field: 'password', oldValue: '••••', newValue: '••••' }],
          },
        ],
      };
    });
  }
}
