import { IsEmail, IsIn, IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ClientKind, ClientState } from './client.entity.js';

@InputType({ description: 'A new client.' })
export class CreateClientInput {
  @Field(() => String, { description: 'Company or person name.' })
  @Length(1, 200)
  name!: string;

  @Field(() => ClientKind, { description: 'Company or private person.' })
  @IsIn(Object.values(ClientKind))
  kind!: ClientKind;

  @Field(() => String, { description: 'Phone in any usual format; stored in international form and unique.' })
  @Length(3, 40)
  phone!: string;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  @IsOptional()
  @IsEmail({}, { message: 'is not an e-mail address' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Whom to call at a company client.' })
  @IsOptional()
  @Length(0, 200)
  contactPerson?: string | null;

  @Field(() => String, { nullable: true, description: 'Free notes.' })
  @IsOptional()
  @Length(0, 5000)
  notes?: string | null;
}

@InputType({ description: 'Fields of a client to change. The phone is changed with changeClientPhone, on purpose.' })
export class UpdateClientInput {
  @Field(() => String, { nullable: true, description: 'Company or person name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => ClientKind, { nullable: true, description: 'Company or private person.' })
  @IsOptional()
  @IsIn(Object.values(ClientKind))
  kind?: ClientKind;

  @Field(() => String, { nullable: true, description: 'E-mail address; null clears it.' })
  @IsOptional()
  @IsEmail({}, { message: 'is not an e-mail address' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact person; null clears it.' })
  @IsOptional()
  @Length(0, 200)
  contactPerson?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes; null clears them.' })
  @IsOptional()
  @Length(0, 5000)
  notes?: string | null;
}

@InputType({ description: 'Which clients to list.' })
export class ClientFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, e-mail or contact person, or a phone in any format.' })
  @IsOptional()
  @Length(0, 200)
  search?: string;

  @Field(() => [ClientState], { nullable: true, description: 'Only these states.' })
  @IsOptional()
  states?: ClientState[];

  @Field(() => Boolean, { nullable: true, description: 'true: only archived; false (default): only not archived.' })
  @IsOptional()
  archived?: boolean;
}
