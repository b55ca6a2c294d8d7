import { ArgsType, Field } from 'type-graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from './password.js';

@ArgsType()
export class LoginArgs {
  @Field(() => String, { description: 'Login e-mail (any case).' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { description: 'Password.' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field(() => String, { description: 'The current password, required to change it.' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @Field(() => String, { description: 'The new password, at least 8 characters.' })
  @IsNotEmpty({ message: 'is required' })
  newPassword!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Also end every other session of this account.' })
  endOtherSessions = false;
}
