import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { getCountries } from 'libphonenumber-js';
import { isTimeZone } from '../../common/calendar-dates.js';
import { BadUserInputError, DomainError } from '../../common/errors.js';
import type { Viewer } from '../../graphql/context.js';
import { diffFields, type JournalService } from '../journal/journal.service.js';
import { fileTypeFromBuffer } from 'file-type';
import { CompanyLogo, CompanySettings } from './company-settings.entity.js';
import type { UpdateCompanySettingsInput } from './settings.inputs.js';

export const DEFAULT_SETTINGS = { name: 'Loadout', timeZone: 'Europe/Moscow', weekStart: 1, defaultLanguage: 'en' } as const;

const EDITABLE = ['name', 'timeZone', 'weekStart', 'defaultLanguage', 'cutoverHour', 'crewDoubleBooking', 'equipmentDoubleBooking', 'phoneRegion'] as const;

/** Largest logo accepted, and the image types (checked by content, not by the name or header). */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

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

  /** When the logo last changed, or null without one (for its URL). */
  async logoVersion(): Promise<Date | null> {
    const logo = await this.orm.em.fork().findOne(CompanyLogo, 1);
    return logo?.updatedAt ?? null;
  }

  async logo(): Promise<{ contentType: string; data: Buffer; updatedAt: Date } | null> {
    const logo = await this.orm.em.fork().findOne(CompanyLogo, 1, { populate: ['data'] });
    return logo ? { contentType: logo.contentType, data: logo.data, updatedAt: logo.updatedAt } : null;
  }

  /** Replaces the logo after checking its size and, from its bytes, that it is a PNG, JPEG, WebP or GIF image. */
  async setLogo(viewer: Viewer, data: Buffer): Promise<Date> {
    if (data.length === 0) throw new BadUserInputError([{ field: 'logo', message: 'is empty' }]);
    if (data.length > LOGO_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `The logo may be at most ${LOGO_MAX_BYTES / 1024} KB.`, { maxBytes: LOGO_MAX_BYTES });
    const detected = await fileTypeFromBuffer(data);
    if (!detected || !(LOGO_TYPES as readonly string[]).includes(detected.mime)) {
      throw new BadUserInputError([{ field: 'logo', message: `must be a PNG, JPEG, WebP or GIF image${detected ? ` (this is ${detected.mime})` : ''}` }]);
    }
    return this.journal.record(async (em) => {
      const existing = await em.findOne(CompanyLogo, 1);
      const logo = existing ?? em.create(CompanyLogo, { contentType: detected.mime, data });
      logo.contentType = detected.mime;
      logo.data = data;
      logo.updatedAt = new Date();
      return {
        result: logo.updatedAt,
        journal: [
          {
            actor: viewer,
            action: 'settings.logo',
            objectType: 'CompanySettings',
            objectId: '1',
            summary: `Company logo ${existing ? 'replaced' : 'uploaded'} (${detected.mime}, ${Math.ceil(data.length / 1024)} KB)`,
            changes: [{ field: 'logo', oldValue: existing ? existing.contentType : null, newValue: detected.mime }],
            context: { bytes: data.length },
          },
        ],
      };
    });
  }

  async removeLogo(viewer: Viewer): Promise<void> {
    await this.journal.record(async (em) => {
      const existing = await em.findOne(CompanyLogo, 1);
      if (!existing) return { result: undefined, journal: [] };
      em.remove(existing);
      return {
        result: undefined,
        journal: [{ actor: viewer, action: 'settings.logo', objectType: 'CompanySettings', objectId: '1', summary: 'Company logo removed', changes: [{ field: 'logo', oldValue: existing.contentType, newValue: null }] }],
      };
    });
  }
}
