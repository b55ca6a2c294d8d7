import { Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import type { SettingsService } from './settings.service.js';

export const APP_VERSION = '0.1.0';

@ObjectType({ description: 'Public facts about this installation, readable without signing in.' })
export class AppInfo {
  @Field(() => String, { description: 'Company name shown in the header and on the login page.' })
  companyName!: string;

  @Field(() => String, { description: 'Language used until a person chooses one, e.g. "en".' })
  defaultLanguage!: string;

  @Field(() => String, { description: 'Company time zone, an IANA name such as "Europe/Moscow".' })
  timeZone!: string;

  @Field(() => Int, { description: 'First day of the week: 1 = Monday … 7 = Sunday.' })
  weekStart!: number;

  @Field(() => Boolean, { description: 'True when the demo accounts exist; the login page then lists them.' })
  demoMode!: boolean;

  @Field(() => String, { nullable: true, description: 'Password of every demo account; only in demo mode.' })
  demoPassword!: string | null;

  @Field(() => String, { nullable: true, description: 'Address of the company logo, or null when there is none.' })
  logoUrl!: string | null;

  @Field(() => String, { description: 'Server version.' })
  version!: string;
}

@Resolver()
export class AppInfoResolver {
  constructor(private readonly settings: SettingsService) {}

  @Query(() => AppInfo, { description: 'Company name, language, week start, time zone and whether this is a demo.' })
  async appInfo(): Promise<AppInfo> {
    const [settings, logoVersion] = await Promise.all([this.settings.get(), this.settings.logoVersion()]);
    return {
      logoUrl: logoVersion ? `/api/settings/logo?v=${logoVersion.getTime()}` : null,
      companyName: settings.name,
      defaultLanguage: settings.defaultLanguage,
      timeZone: settings.timeZone,
      weekStart: settings.weekStart,
      demoMode: settings.demoMode,
      demoPassword: settings.demoMode ? DEMO_PASSWORD : null,
      version: APP_VERSION,
    };
  }
}
