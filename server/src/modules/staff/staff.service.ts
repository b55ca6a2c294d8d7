import { randomBytes } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors.js';
import type { Viewer } from '../../graphql/context.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { normaliseEmail } from '../auth/auth.service.js';
import { Session } from '../auth/session.entity.js';
import type { JournalService } from '../journal/journal.service.js';
import { diffFields } from '../journal/journal.service.js';
import { CompanySettings } from '../settings/company-settings.entity.js';
import { isPermission } from './permissions.js';
import { Role } from './role.entity.js';
import type { CreateUserInput, RoleInput, UpdateUserInput } from './staff.inputs.js';
import { User } from './user.entity.js';

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  roleName: string;
  phone?: string | null;
  language?: string;
}

/**
 * An administrator is an active account whose role holds both `staff:manage` and `role:manage`:
 * someone who can still give anybody any permission. There must always be one.
 */
export const ADMINISTRATOR_PERMISSIONS = ['staff:manage', 'role:manage'] as const;
/** Taken by every change that could remove the last administrator, so two of them cannot both pass the check. */
const ADMINISTRATORS_LOCK = 7_368_824;

const USER_FIELDS = ['name', 'email', 'phone', 'role', 'language'] as const;

/** A password to hand over once: 16 URL-safe characters. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

function userSnapshot(user: User) {
  return { name: user.name, email: user.email, phone: user.phone ?? null, role: user.role.name, language: user.language };
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** Accounts: creation (CLI and seed), password resets, activation, language. */
export class StaffService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
  ) {}

  /** Creates an account; `actor` null means the system (CLI or seed). */
  async createUser(actor: Viewer | null, input: NewUserInput): Promise<User> {
    const email = normaliseEmail(input.email);
    const problems = [];
    if (!EMAIL_PATTERN.test(email)) problems.push({ field: 'email', message: 'is not an e-mail address' });
    if (!input.name.trim()) problems.push({ field: 'name', message: 'is required' });
    const passwordIssue = passwordProblem(input.password);
    if (passwordIssue) problems.push({ field: 'password', message: passwordIssue });
    if (input.language && !LANGUAGE_PATTERN.test(input.language)) problems.push({ field: 'language', message: 'is not a language code' });
    if (problems.length > 0) throw new BadUserInputError(problems);

    const passwordHash = await hashPassword(input.password);
    return this.journal.record(async (em) => {
      const role = await em.findOne(Role, { name: input.roleName });
      if (!role) throw new BadUserInputError([{ field: 'role', message: `no role named "${input.roleName}"` }]);
      if (await em.count(User, { email })) throw new BadUserInputError([{ field: 'email', message: `${email} already has an account` }]);
      const user = em.create(User, {
        email,
        name: input.name.trim(),
        phone: input.phone ?? null,
        passwordHash,
        role,
        language: input.language ?? 'en',
      } as User);
      return {
        result: user,
        journal: [
          {
            actor,
            actorLabel: actor ? undefined : 'system',
            action: 'user.create',
            objectType: 'User',
            objectId: user.id,
            summary: `Account ${email} created with role ${role.name}`,
            changes: [
              { field: 'email', oldValue: null, newValue: email },
              { field: 'name', oldValue: null, newValue: user.name },
              { field: 'role', oldValue: null, newValue: role.name },
            ],
          },
        ],
      };
    });
  }

  /** Sets a new password for an account (CLI `reset-password`) and ends its sessions. */
  async resetPassword(actor: Viewer | null, emailInput: string, password: string): Promise<User> {
    const problem = passwordProblem(password);
    if (problem) throw new BadUserInputError([{ field: 'password', message: problem }]);
    const passwordHash = await hashPassword(password);
    const email = normaliseEmail(emailInput);
    return this.journal.record(async (em) => {
      const user = await em.findOne(User, { email });
      if (!user) throw new NotFoundError('Account', email);
      user.passwordHash = passwordHash;
      await em.nativeUpdate(Session, { user: user.id, endedAt: null }, { endedAt: new Date() });
      return {
        result: user,
        journal: [
          {
            actor,
            actorLabel: actor ? undefined : 'system',
            action: 'user.password_reset',
            objectType: 'User',
            objectId: user.id,
            summary: `Password of ${email} reset; its sessions ended`,
            changes: [{ field: 'password', oldValue: '••••', newValue: '••••' }],
          },
        ],
      };
    });
  }

  /** Deactivates or reactivates an account. Deactivation ends every session at once. */
  async setActive(viewer: Viewer, userId: string, active: boolean): Promise<User> {
    if (!isUUID(userId)) throw new BadUserInputError([{ field: 'id', message: 'is not an account id' }]);
    return this.journal.record(async (em) => {
      await lockAdministrators(em);
      const user = await em.findOne(User, userId, { populate: ['role'] });
      if (!user) throw new NotFoundError('Account', userId);
      if (user.active === active) return { result: user, journal: [] };
      user.active = active;
      await em.flush();
      if (!active && isAdministratorRole(user.role.permissions)) await refuseWithoutAdministrator(em, `${user.name} is the last active administrator and cannot be deactivated.`);
      if (!active) await em.nativeUpdate(Session, { user: user.id, endedAt: null }, { endedAt: new Date() });
      return {
        result: user,
        journal: [
          {
            actor: viewer,
            action: active ? 'user.reactivate' : 'user.deactivate',
            objectType: 'User',
            objectId: user.id,
            summary: `${user.name} ${active ? 'reactivated' : 'deactivated'}`,
            changes: [{ field: 'active', oldValue: !active, newValue: active }],
          },
        ],
      };
    });
  }

  async setLanguage(viewer: Viewer, language: string): Promise<User> {
    if (!LANGUAGE_PATTERN.test(language)) throw new BadUserInputError([{ field: 'language', message: 'is not a language code such as "en" or "ru"' }]);
    return this.journal.record(async (em) => {
      const user = await em.findOneOrFail(User, viewer.id, { populate: ['role'] });
      const before = user.language;
      user.language = language;
      return {
        result: user,
        journal:
          before === language
            ? []
            : [
                {
                  actor: viewer,
                  action: 'user.update',
                  objectType: 'User',
                  objectId: user.id,
                  summary: `${user.name} switched the language to ${language}`,
                  changes: [{ field: 'language', oldValue: before, newValue: language }],
                },
              ],
      };
    });
  }

  async findWithRole(id: string): Promise<User | null> {
    return this.orm.em.fork().findOne(User, id, { populate: ['role'] });
  }

  async list(includeInactive: boolean): Promise<User[]> {
    return this.orm.em.fork().find(User, includeInactive ? {} : { active: true }, { populate: ['role'], orderBy: { name: 'asc', email: 'asc' } });
  }

  async get(id: string): Promise<User> {
    if (!isUUID(id)) throw new BadUserInputError([{ field: 'id', message: 'is not an account id' }]);
    const user = await this.orm.em.fork().findOne(User, id, { populate: ['role'] });
    if (!user) throw new NotFoundError('Account', id);
    return user;
  }

  /** Creates an account from the accounts page; generates a one-time password when none is given. */
  async createAccount(viewer: Viewer, input: CreateUserInput): Promise<{ user: User; oneTimePassword: string | null }> {
    const password = input.password ?? generatePassword();
    const problem = passwordProblem(password);
    if (problem) throw new BadUserInputError([{ field: 'password', message: problem }]);
    const email = normaliseEmail(input.email);
    const name = input.name.trim();
    if (!name) throw new BadUserInputError([{ field: 'name', message: 'is required' }]);
    const passwordHash = await hashPassword(password);
    const user = await this.uniqueEmail(email, () =>
      this.journal.record(async (em) => {
        const role = await em.findOne(Role, input.roleId);
        if (!role) throw new BadUserInputError([{ field: 'roleId', message: 'is not a role' }]);
        await refuseTakenEmail(em, email, null);
        const language = input.language ?? (await em.findOne(CompanySettings, 1))?.defaultLanguage ?? 'en';
        const created = em.create(User, { email, name, phone: input.phone?.trim() || null, passwordHash, role, language } as User);
        return {
          result: created,
          journal: [
            {
              actor: viewer,
              action: 'user.create',
              objectType: 'User',
              objectId: created.id,
              summary: `Account ${email} created with role ${role.name}`,
              changes: diffFields({} as ReturnType<typeof userSnapshot>, userSnapshot(created), USER_FIELDS),
            },
          ],
        };
      }),
    );
    return { user, oneTimePassword: input.password ? null : password };
  }

  /** Edits an account. Changing the role of the last administrator to a lesser one is refused. */
  async updateAccount(viewer: Viewer, id: string, expectedVersion: number, input: UpdateUserInput): Promise<User> {
    if (!isUUID(id)) throw new BadUserInputError([{ field: 'id', message: 'is not an account id' }]);
    if (typeof input.name === 'string' && !input.name.trim()) throw new BadUserInputError([{ field: 'name', message: 'is required' }]);
    const email = input.email ? normaliseEmail(input.email) : undefined;
    return this.uniqueEmail(email ?? '', () =>
      this.journal.record(async (em) => {
        await lockAdministrators(em);
        const user = await em.findOne(User, id, { populate: ['role'] });
        if (!user) throw new NotFoundError('Account', id);
        if (user.version !== expectedVersion) {
          throw new ConflictError(`${user.name} was changed by someone else meanwhile; reload and try again.`, { currentVersion: user.version });
        }
        const before = userSnapshot(user);
        const wasAdministrator = user.active && isAdministratorRole(user.role.permissions);
        if (input.name) user.name = input.name.trim();
        if (email && email !== user.email) {
          await refuseTakenEmail(em, email, user.id);
          user.email = email;
        }
        if (input.phone !== undefined && input.phone !== null) user.phone = input.phone.trim() || null;
        if (input.language) user.language = input.language;
        if (input.roleId && input.roleId !== user.role.id) {
          const role = await em.findOne(Role, input.roleId);
          if (!role) throw new BadUserInputError([{ field: 'roleId', message: 'is not a role' }]);
          user.role = role;
        }
        const changes = diffFields(before, userSnapshot(user), USER_FIELDS);
        if (changes.length === 0) return { result: user, journal: [] };
        await em.flush();
        if (wasAdministrator && changes.some((c) => c.field === 'role')) {
          await refuseWithoutAdministrator(em, `${user.name} is the last active administrator; give another account an administrator role first.`);
        }
        return {
          result: user,
          journal: [
            {
              actor: viewer,
              action: 'user.update',
              objectType: 'User',
              objectId: user.id,
              summary: `Account ${user.email} changed: ${changes.map((c) => c.field).join(', ')}`,
              changes,
              context: { version: user.version },
            },
          ],
        };
      }),
    );
  }

  /** Sets a new password chosen by an administrator, or generates a one-time one; ends the account's sessions. */
  async resetAccountPassword(viewer: Viewer, id: string, chosen: string | null): Promise<{ user: User; oneTimePassword: string | null }> {
    if (!isUUID(id)) throw new BadUserInputError([{ field: 'id', message: 'is not an account id' }]);
    const password = chosen ?? generatePassword();
    const problem = passwordProblem(password);
    if (problem) throw new BadUserInputError([{ field: 'password', message: problem }]);
    const passwordHash = await hashPassword(password);
    const user = await this.journal.record(async (em) => {
      const found = await em.findOne(User, id, { populate: ['role'] });
      if (!found) throw new NotFoundError('Account', id);
      found.passwordHash = passwordHash;
      const ended = await em.nativeUpdate(Session, { user: found.id, endedAt: null }, { endedAt: new Date() });
      return {
        result: found,
        journal: [
          {
            actor: viewer,
            action: 'user.password_reset',
            objectType: 'User',
            objectId: found.id,
            summary: `Password of ${found.email} reset by ${viewer.name}; ${ended} session(s) ended`,
            changes: [{ field: 'password', oldValue: '••••', newValue: '••••' }],
          },
        ],
      };
    });
    return { user, oneTimePassword: chosen ? null : password };
  }

  /** Roles with how many accounts (active or not) hold each. */
  async roles(): Promise<Array<{ role: Role; memberCount: number }>> {
    const em = this.orm.em.fork();
    const roles = await em.find(Role, {}, { orderBy: { builtIn: 'desc', name: 'asc' } });
    const counts = await em.execute<Array<{ role_id: string; n: string }>>('select role_id, count(*) as n from app_user group by role_id');
    const byRole = new Map(counts.map((row) => [row.role_id, Number(row.n)]));
    return roles.map((role) => ({ role, memberCount: byRole.get(role.id) ?? 0 }));
  }

  async createRole(viewer: Viewer, input: RoleInput): Promise<Role> {
    const name = input.name?.trim();
    if (!name) throw new BadUserInputError([{ field: 'name', message: 'is required' }]);
    const permissions = checkedPermissions(input.permissions ?? []);
    return this.uniqueRoleName(name, () =>
      this.journal.record(async (em) => {
        if (await em.count(Role, { name: { $ilike: escapeLike(name) } })) throw new BadUserInputError([{ field: 'name', message: `a role named "${name}" exists already` }]);
        const role = em.create(Role, { name, permissions } as Role);
        return {
          result: role,
          journal: [
            {
              actor: viewer,
              action: 'role.create',
              objectType: 'Role',
              objectId: role.id,
              summary: `Role ${name} created`,
              changes: [
                { field: 'name', oldValue: null, newValue: name },
                { field: 'permissions', oldValue: null, newValue: permissions },
              ],
            },
          ],
        };
      }),
    );
  }

  /**
   * Renames a role or replaces its permissions. Members' open sessions and subscriptions see the
   * new permissions at once (HTTP reads them per request; WebSocket connections re-read them when
   * the `Role` journal row arrives). Removing the last administrator's rights is refused.
   */
  async updateRole(viewer: Viewer, id: string, expectedVersion: number, input: RoleInput): Promise<Role> {
    if (!isUUID(id)) throw new BadUserInputError([{ field: 'id', message: 'is not a role id' }]);
    const name = input.name?.trim();
    if (input.name !== undefined && input.name !== null && !name) throw new BadUserInputError([{ field: 'name', message: 'is required' }]);
    const permissions = input.permissions ? checkedPermissions(input.permissions) : undefined;
    return this.uniqueRoleName(name ?? '', () =>
      this.journal.record(async (em) => {
        await lockAdministrators(em);
        const role = await em.findOne(Role, id);
        if (!role) throw new NotFoundError('Role', id);
        if (role.version !== expectedVersion) {
          throw new ConflictError(`Role ${role.name} was changed by someone else meanwhile; reload and try again.`, { currentVersion: role.version });
        }
        const before = { name: role.name, permissions: [...role.permissions].sort() };
        const wasAdministrator = isAdministratorRole(role.permissions);
        if (name && name !== role.name) {
          if (await em.count(Role, { id: { $ne: role.id }, name: { $ilike: escapeLike(name) } })) {
            throw new BadUserInputError([{ field: 'name', message: `a role named "${name}" exists already` }]);
          }
          role.name = name;
        }
        if (permissions) role.permissions = permissions;
        const changes = diffFields(before, { name: role.name, permissions: [...role.permissions].sort() }, ['name', 'permissions']);
        if (changes.length === 0) return { result: role, journal: [] };
        await em.flush();
        if (wasAdministrator) await refuseWithoutAdministrator(em, `Role ${role.name} holds the last active administrator; it must keep ${ADMINISTRATOR_PERMISSIONS.join(' and ')}.`);
        return {
          result: role,
          journal: [
            {
              actor: viewer,
              action: 'role.update',
              objectType: 'Role',
              objectId: role.id,
              summary: `Role ${role.name} changed: ${changes.map((c) => c.field).join(', ')}`,
              changes,
              context: { version: role.version },
            },
          ],
        };
      }),
    );
  }

  /** Deletes a role no account holds; built-in roles stay. */
  async deleteRole(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUUID(id)) throw new BadUserInputError([{ field: 'id', message: 'is not a role id' }]);
    return this.journal.record(async (em) => {
      const role = await em.findOne(Role, id);
      if (!role) throw new NotFoundError('Role', id);
      if (role.builtIn) throw new BadUserInputError([{ field: 'id', message: `${role.name} is a built-in role and cannot be deleted` }]);
      // Locks the role row so no account can be given it while it is being deleted.
      await em.execute('select id from role where id = ? for update', [role.id]);
      const members = await em.count(User, { role: role.id });
      if (members > 0) {
        throw new ConflictError(`Role ${role.name} is used by ${members} account${members === 1 ? '' : 's'}; give them another role first.`, { accountCount: members });
      }
      em.remove(role);
      return {
        result: true,
        journal: [
          {
            actor: viewer,
            action: 'role.delete',
            objectType: 'Role',
            objectId: role.id,
            summary: `Role ${role.name} deleted`,
            changes: [
              { field: 'name', oldValue: role.name, newValue: null },
              { field: 'permissions', oldValue: role.permissions, newValue: null },
            ],
          },
        ],
      };
    });
  }

  private async uniqueEmail<T>(email: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && /app_user_email_key/.test(error.message)) {
        throw new BadUserInputError([{ field: 'email', message: `${email} already has an account` }]);
      }
      throw error;
    }
  }

  private async uniqueRoleName<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && /role_name_key/.test(error.message)) {
        throw new BadUserInputError([{ field: 'name', message: `a role named "${name}" exists already` }]);
      }
      throw error;
    }
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function checkedPermissions(permissions: readonly string[]): string[] {
  const unknown = permissions.filter((p) => !isPermission(p));
  if (unknown.length > 0) throw new BadUserInputError([{ field: 'permissions', message: `not in the catalogue: ${unknown.join(', ')}` }]);
  return [...new Set(permissions)].sort();
}

async function refuseTakenEmail(em: EntityManager, email: string, exceptId: string | null): Promise<void> {
  const taken = await em.findOne(User, { email, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  if (taken) throw new BadUserInputError([{ field: 'email', message: `${email} already has an account (${taken.name})` }]);
}

export function isAdministratorRole(permissions: readonly string[]): boolean {
  return ADMINISTRATOR_PERMISSIONS.every((p) => permissions.includes(p));
}

/** Serialises every change that could remove the last administrator (held until commit). */
async function lockAdministrators(em: EntityManager): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(?)', [ADMINISTRATORS_LOCK]);
}

/** Called after the change is flushed, under the lock: at least one active administrator must remain. */
async function refuseWithoutAdministrator(em: EntityManager, message: string): Promise<void> {
  const [row] = await em.execute<Array<{ n: string }>>(
    `select count(*) as n from app_user u join role r on r.id = u.role_id where u.active and r.permissions @> ?::text[]`,
    [`{${ADMINISTRATOR_PERMISSIONS.join(',')}}`],
  );
  if (Number(row.n) === 0) throw new ForbiddenError(message);
}
