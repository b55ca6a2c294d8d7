import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The single row of company-wide settings (SPEC §9). */
@Entity({ tableName: 'company_settings' })
export class CompanySettings {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id = 1;

  @Property({ type: 'text' })
  name!: string;

  /** IANA zone, e.g. "Europe/Moscow"; decides which calendar days an event touches. */
  @Property({ type: 'text' })
  timeZone!: string;

  /** 1 = Monday … 7 = Sunday. */
  @Property({ type: 'smallint' })
  weekStart = 1;

  @Property({ type: 'text' })
  defaultLanguage = 'en';

  /** Set when the demo accounts were created; the login page then lists them. */
  @Property({ type: 'boolean' })
  demoMode = false;

  @Property({ version: true })
  version!: number;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
