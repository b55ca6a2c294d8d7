import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { RequestContext } from '../../graphql/context.js';
import type { JournalEntry } from '../journal/journal-entry.types.js';
import { CompanySettings } from './company-settings.entity.js';
import { UpdateCompanySettingsInput } from './settings.inputs.js';
import type { SettingsService } from './settings.service.js';

/** Where the logo is served (see logo.routes.ts); the version makes a replaced logo a new URL. */
export const LOGO_PATH = '/api/settings/logo';

@Resolver(() => CompanySettings)
export class SettingsResolver {
  constructor(private readonly settings: SettingsService) {}

  @Authorized()
  @Query(() => CompanySettings, { description: 'Company settings: name, logo, time zone, week start, language, cut-over hour, double-booking policies.' })
  companySettings(): Promise<CompanySettings> {
    return this.settings.get();
  }

  @Authorized('settings:manage')
  @Mutation(() => CompanySettings, { description: 'Change company settings; open calendars pick the change up live (companySettingsChanged).' })
  updateCompanySettings(
    @Arg('input', () => UpdateCompanySettingsInput, { description: 'Fields to change.' }) input: UpdateCompanySettingsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CompanySettings> {
    return this.settings.update(ctx.viewer!, input);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: `Address of the company logo (uploaded with PUT ${LOGO_PATH}, an image of at most 512 KB), or null when there is none.`,
  })
  async logoUrl(): Promise<string | null> {
    const version = await this.settings.logoVersion();
    return version ? `${LOGO_PATH}?v=${version.getTime()}` : null;
  }

  @Subscription(() => CompanySettings, {
    description: 'The company settings each time they change (including the logo), for open calendars and the header.',
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      requirePermissions(ctx.viewer, []);
      return settingsChanges(ctx.bus.entries());
    },
  })
  companySettingsChanged(@Root() _entry: JournalEntry): Promise<CompanySettings> {
    return this.settings.get();
  }
}

async function* settingsChanges(entries: AsyncGenerator<JournalEntry>): AsyncGenerator<JournalEntry> {
  for await (const entry of entries) if (entry.objectType === 'CompanySettings') yield entry;
}
