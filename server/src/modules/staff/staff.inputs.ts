import { IsEmail, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { User } from './user.entity.js';

const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

@InputType({ description: 'A new staff account.' })
export class CreateUserInput {
  @Field(() => String, { description: 'Full name.' })
  @Length(1, 200)
  name!: string;

  @Field(() => String, { description: 'Login e-mail; unique regardless of case.' })
  @IsEmail({}, { message: 'is not an e-mail address' })
  @Length(3, 320)
  email!: string;

  @Field(() => String, { nullable: true, description: 'Phone number, for call sheets.' })
  @IsOptional()
  @Length(0, 50)
  phone?: string | null;

  @Field(() => ID, { description: 'Role id.' })
  @IsUUID()
  roleId!: string;

  @Field(() => String, { nullable: true, description: 'Interface language, e.g. "en" or "ru"; the company default when omitted.' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'is not a language code' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'Initial password (at least 8 characters); a one-time password is generated when omitted.' })
  @IsOptional()
  @Length(8, 200)
  password?: string | null;
}

@InputType({ description: 'Account fields to change; omitted fields stay as they are.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'Full name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Login e-mail; unique regardless of case.' })
  @IsOptional()
  @IsEmail({}, { message: 'is not an e-mail address' })
  @Length(3, 320)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number; an empty string removes it.' })
  @IsOptional()
  @Length(0, 50)
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'Role id.' })
  @IsOptional()
  @IsUUID()
  roleId?: string | null;

  @Field(() => String, { nullable: true, description: 'Interface language, e.g. "en" or "ru".' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'is not a language code' })
  language?: string | null;
}

@ObjectType({ description: 'An account with the password it was given, when the server generated one.' })
export class AccountWithPassword {
  @Field(() => User, { description: 'The account.' })
  user!: User;

  @Field(() => String, {
    nullable: true,
    description: 'The generated password, shown this once (null when the administrator chose it). Hand it over; the person can change it in the cabinet.',
  })
  oneTimePassword!: string | null;
}

@InputType({ description: 'A role to create, or the fields of one to change.' })
export class RoleInput {
  @Field(() => String, { nullable: true, description: 'Name, unique regardless of case; required when creating.' })
  @IsOptional()
  @Length(1, 100)
  name?: string | null;

  @Field(() => [String], { nullable: true, description: 'Permission keys from `permissionCatalogue`; replaces the whole set.' })
  @IsOptional()
  permissions?: string[] | null;
}
