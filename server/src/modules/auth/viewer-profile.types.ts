import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../staff/role.entity.js';
import type { User } from '../staff/user.entity.js';

@ObjectType('Viewer', { description: 'The signed-in account with its effective permissions.' })
export class ViewerProfile {
  @Field(() => ID, { description: 'Account id.' })
  id!: string;

  @Field(() => String, { description: 'Login e-mail.' })
  email!: string;

  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => String, { description: 'Interface language code, e.g. "en" or "ru".' })
  language!: string;

  @Field(() => Role, { description: 'The role that grants the permissions.' })
  role!: Role;

  @Field(() => [String], { description: 'Permission keys the viewer has, e.g. "journal:read".' })
  permissions!: string[];

  static fromUser(user: User): ViewerProfile {
    return Object.assign(new ViewerProfile(), {
      id: user.id,
      email: user.email,
      name: user.name,
      language: user.language,
      role: user.role,
      permissions: [...user.role.permissions],
    });
  }
}
