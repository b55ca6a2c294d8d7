import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What happens when a person (or, later, gear) is booked twice on one day. */
export enum DoubleBookingPolicy {
  ALLOW = 'ALLOW',
  WARN = 'WARN',
  BLOCK = 'BLOCK',
}

registerEnumType(DoubleBookingPolicy, {
  name: 'DoubleBookingPolicy',
  description: 'What a double booking does.',
  valuesConfig: {
    ALLOW: { description: 'Saved; the conflict is still reported and shown as a problem.' },
    WARN: { description: 'Saved; the conflict is returned, pushed to managers and the person, and shown as a problem.' },
    BLOCK: { description: 'Refused with CONFLICT unless an override reason is given (journaled).' },
  },
});

/** The single row of company-wide settings (SPEC §9). */
@ObjectType({ description: 'Company-wide settings.' })
@Entity({ tableName: 'company_settings' })
export class CompanySettings {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id = 1;

  @Field(() => String, { description: 'Company name shown in the header and on paperwork.' })
  @Property({ type: 'text' })
  name!: string;

  /** IANA zone, e.g. "Europe/Moscow"; decides which calendar days an event touches. */
  @Field(() => String, { description: 'IANA time zone, e.g. "Europe/Moscow": decides which calendar day an instant belongs to.' })
  @Property({ type: 'text' })
  timeZone!: string;

  @Field(() => Int, { description: 'First day of the week: 1 = Monday … 7 = Sunday.' })
  @Property({ type: 'smallint' })
  weekStart: number & Opt = 1;

  @Field(() => String, { description: 'Language until a person chooses one, e.g. "en".' })
  @Property({ type: 'text' })
  defaultLanguage: string & Opt = 'en';

  @Field(() => Int, {
    description: 'Overnight cut-over hour (0–12): a show ending after midnight but before this hour belongs to its show day.',
  })
  @Property({ type: 'smallint' })
  cutoverHour: number & Opt = 6;

  @Field(() => DoubleBookingPolicy, { description: 'What putting a person on two events on one day does.' })
  @Enum({ items: () => DoubleBookingPolicy })
  crewDoubleBooking: DoubleBookingPolicy & Opt = DoubleBookingPolicy.WARN;

  @Field(() => DoubleBookingPolicy, { description: 'What reserving more of an item than is available over the same days does.' })
  @Enum({ items: () => DoubleBookingPolicy })
  equipmentDoubleBooking: DoubleBookingPolicy & Opt = DoubleBookingPolicy.WARN;

  @Field(() => String, { description: 'ISO country (e.g. "RU") whose numbering applies to phones written without +country code.' })
  @Property({ type: 'text' })
  phoneRegion: string & Opt = 'RU';

  /** Set when the demo accounts were created; the login page then lists them. */
  @Property({ type: 'boolean' })
  demoMode: boolean & Opt = false;

  @Field(() => Int, { description: 'Version for optimistic locking.' })
  @Property({ version: true })
  version!: number & Opt;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** The company logo: one row, stored in the database so backups carry it. */
@Entity({ tableName: 'company_logo' })
export class CompanyLogo {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id = 1;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: 'blob', lazy: true })
  data!: Buffer;

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
