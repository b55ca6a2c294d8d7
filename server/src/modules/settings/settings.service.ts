import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { getCountries } from 'libphonenumber-js';
import { isTimeZone } from '../../common/calendar-dates.js';
import { BadUserInputError } from '../../common/errors.js';
import type { Viewer } from '../../graphql/context.js';
import { diffFields, type JournalService } from '../journal/journal.service.js';
import { CompanySettings } from './company-settings.entity.js';
import type { UpdateCompanySettingsInput } from './settings.inputs.js';

export const DEFAULT_SETTINGS = { name: 'Loadout', timeZone: 'Europe/Moscow', weekStart: 1, defaultLanguage: 'en' } as const;

const EDITABLE = ['name', 'timeZone', 'weekStart', 'defaultLanguage', 'cutoverHour', 'crewDoubleBooking', 'equipmentDoubleBooking', 'phoneRegion'] as const;

/** Company settings (SPEC §9). */
export class SettingsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
  ) {}

  async get(em: EntityManager = this.orm.em.fork()): Promise<CompanySettings> {
    const settings = await em.findOne(CompanySettings, 1);
    return settings ?? Object.assign(new CompanySettings(), DEFAULT_SETTINGS);
  }

  async update(viewer: Viewer, input: UpdateCompanySettingsInput): Promise<CompanySettings> {
    const problems = [];
    if (input.timeZone !== undefined && input.timeZone !== null && !isTimeZone(input.timeZone)) problems.push({ field: 'timeZone', message: 'is not an IANA time zone such as "Europe/Moscow"' });
    if (input.phoneRegion !== undefined && input.phoneRegion !== null && !getCountries().includes(input.phoneRegion as never)) problems.push({ field: 'phoneRegion', message: 'is not a country code' });
    if (typeof input.name === 'string' && !input.name.trim()) problems.push({ field: 'name', message: 'is required' });
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.journal.record(async (em) => {
      const settings = await em.findOneOrFail(CompanySettings, 1);
      const before = { ...settings };
      for (const field of EDITABLE) {
        const value = input[field];
        if (value !== undefined && value !== null) (settings as unknown as Record<string, unknown>)[field] = typeof value === 'string' ? value.trim() : value;
      }
      const changes = diffFields(before, settings, EDITABLE);
      return {
        result: settings,
        journal:
          changes.length === 0
            ? []
            : [{ actor: viewer, action: 'settings.update', objectType: 'CompanySettings', objectId: '1', summary: `Company settings changed: ${changes.map((c) => c.field).join(', ')}`, changes }],
      };
    });
  }
}
