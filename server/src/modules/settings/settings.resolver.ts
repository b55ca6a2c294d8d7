import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { CompanySettings } from './company-settings.entity.js';
import { UpdateCompanySettingsInput } from './settings.inputs.js';
import type { SettingsService } from './settings.service.js';

@Resolver(() => CompanySettings)
export class SettingsResolver {
  constructor(private readonly settings: SettingsService) {}

  @Authorized()
  @Query(() => CompanySettings, { description: 'Company settings: time zone, week start, cut-over hour, double-booking policy.' })
  companySettings(): Promise<CompanySettings> {
    return this.settings.get();
  }

  @Authorized('settings:manage')
  @Mutation(() => CompanySettings, { description: 'Change company settings; open calendars pick the change up live.' })
  updateCompanySettings(
    @Arg('input', () => UpdateCompanySettingsInput, { description: 'Fields to change.' }) input: UpdateCompanySettingsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CompanySettings> {
    return this.settings.update(ctx.viewer!, input);
  }
}
