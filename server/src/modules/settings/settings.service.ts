import type { MikroORM } from '@mikro-orm/postgresql';
import { CompanySettings } from './company-settings.entity.js';

export const DEFAULT_SETTINGS = { name: 'Loadout', timeZone: 'Europe/Moscow', weekStart: 1, defaultLanguage: 'en' } as const;

/** Company settings (SPEC §9); the editing side arrives with the administration pages. */
export class SettingsService {
  constructor(private readonly orm: MikroORM) {}

  async get(): Promise<CompanySettings> {
    const settings = await this.orm.em.fork().findOne(CompanySettings, 1);
    return settings ?? Object.assign(new CompanySettings(), DEFAULT_SETTINGS);
  }
}
