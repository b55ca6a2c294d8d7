import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../common/logger.js';
import type { JournalService } from '../journal/journal.service.js';
import { CompanySettings } from '../settings/company-settings.entity.js';
import { DEFAULT_SETTINGS } from '../settings/settings.service.js';
import { BUILT_IN_ROLES } from '../staff/permissions.js';
import { Role } from '../staff/role.entity.js';
import type { StaffService } from '../staff/staff.service.js';
import { User } from '../staff/user.entity.js';

/** Every demo account's password; the login page shows it in demo mode. */
export const DEMO_PASSWORD = 'loadout-demo';

export const DEMO_ACCOUNTS = [
  { email: 'admin@loadout.demo', name: 'Anna Admin', roleName: 'Administrator', phone: '+7 900 000-00-01', language: 'en' },
  { email: 'manager@loadout.demo', name: 'Maxim Manager', roleName: 'Manager', phone: '+7 900 000-00-02', language: 'ru' },
  { email: 'manager2@loadout.demo', name: 'Marina Manager', roleName: 'Manager', phone: '+7 900 000-00-03', language: 'en' },
  { email: 'engineer@loadout.demo', name: 'Egor Engineer', roleName: 'Engineer', phone: '+7 900 000-00-04', language: 'ru' },
  { email: 'engineer2@loadout.demo', name: 'Elena Engineer', roleName: 'Engineer', phone: '+7 900 000-00-05', language: 'en' },
  { email: 'storekeeper@loadout.demo', name: 'Stas Storekeeper', roleName: 'Storekeeper', phone: '+7 900 000-00-06', language: 'ru' },
] as const;

/** Creates what every installation needs: the four built-in roles and the settings row. Idempotent. */
export async function seedBaseData(orm: MikroORM, journal: JournalService): Promise<void> {
  await journal.record(async (em) => {
    const existing = new Set((await em.find(Role, { builtIn: true })).map((role) => role.name));
    const created = BUILT_IN_ROLES.filter((role) => !existing.has(role.name)).map((role) =>
      em.create(Role, { name: role.name, permissions: [...role.permissions], builtIn: true } as Role),
    );
    const settingsMissing = (await em.count(CompanySettings, { id: 1 })) === 0;
    if (settingsMissing) em.create(CompanySettings, { ...DEFAULT_SETTINGS, id: 1 } as CompanySettings);
    return {
      result: undefined,
      journal: [
        ...created.map((role) => ({
          actorLabel: 'system',
          action: 'role.create',
          objectType: 'Role',
          objectId: role.id,
          summary: `Built-in role ${role.name} created`,
          changes: [{ field: 'permissions', oldValue: null, newValue: role.permissions }],
        })),
        ...(settingsMissing
          ? [{ actorLabel: 'system', action: 'settings.create', objectType: 'CompanySettings', objectId: '1', summary: 'Company settings created' }]
          : []),
      ],
    };
  });
}

/** Creates the demo accounts that do not exist yet and marks the installation as a demo. */
export async function seedDemoData(orm: MikroORM, staff: StaffService, logger: Logger): Promise<void> {
  const em = orm.em.fork();
  for (const account of DEMO_ACCOUNTS) {
    if (await em.count(User, { email: account.email })) continue;
    await staff.createUser(null, { ...account, password: DEMO_PASSWORD });
  }
  await em.nativeUpdate(CompanySettings, { id: 1 }, { demoMode: true, name: 'Loadout Demo Productions' });
  logger.info(`Demo accounts ready: ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')} (password "${DEMO_PASSWORD}")`);
}

export async function hasAnyAccount(orm: MikroORM): Promise<boolean> {
  return (await orm.em.fork().count(User, {})) > 0;
}
