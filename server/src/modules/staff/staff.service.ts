import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../common/errors.js';
import type { Viewer } from '../../graphql/context.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { normaliseEmail } from '../auth/auth.service.js';
import { Session } from '../auth/session.entity.js';
import type { JournalService } from '../journal/journal.service.js';
import { Role } from './role.entity.js';
import { User } from './user.entity.js';

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  roleName: string;
  phone?: string | null;
  language?: string;
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
      const user = await em.findOne(User, userId, { populate: ['role'] });
      if (!user) throw new NotFoundError('Account', userId);
      if (user.active === active) return { result: user, journal: [] };
      if (!active) await this.refuseLosingLastAdministrator(em, user);
      user.active = active;
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

  /** Somebody must always be able to manage staff. */
  private async refuseLosingLastAdministrator(em: EntityManager, user: User): Promise<void> {
    if (!user.role.permissions.includes('staff:manage')) return;
    const others = await em.count(User, { id: { $ne: user.id }, active: true, role: { permissions: { $contains: ['staff:manage'] } } });
    if (others === 0) throw new ForbiddenError('The last active account that can manage staff cannot be deactivated.');
  }
}
