import { IsIn, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DoubleBookingPolicy } from './company-settings.entity.js';

@InputType({ description: 'Company settings to change; omitted fields stay as they are.' })
export class UpdateCompanySettingsInput {
  @Field(() => String, { nullable: true, description: 'Company name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. "Europe/Moscow".' })
  @IsOptional()
  timeZone?: string;

  @Field(() => Int, { nullable: true, description: 'First day of the week: 1 = Monday … 7 = Sunday.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  weekStart?: number;

  @Field(() => String, { nullable: true, description: 'Default language code, e.g. "en" or "ru".' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'is not a language code' })
  defaultLanguage?: string;

  @Field(() => Int, { nullable: true, description: 'Overnight cut-over hour, 0–12.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(12)
  cutoverHour?: number;

  @Field(() => DoubleBookingPolicy, { nullable: true, description: 'Crew double-booking policy.' })
  @IsOptional()
  @IsIn(Object.values(DoubleBookingPolicy))
  crewDoubleBooking?: DoubleBookingPolicy;

  @Field(() => DoubleBookingPolicy, { nullable: true, description: 'Equipment double-booking policy.' })
  @IsOptional()
  @IsIn(Object.values(DoubleBookingPolicy))
  equipmentDoubleBooking?: DoubleBookingPolicy;

  @Field(() => String, { nullable: true, description: 'ISO country code for phones without +country code, e.g. "RU".' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'is not a two-letter country code' })
  phoneRegion?: string;
}
