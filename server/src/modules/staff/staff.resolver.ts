import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ForbiddenError } from '../../common/errors.js';
import type { RequestContext } from '../../graphql/context.js';
import { PERMISSIONS } from './permissions.js';
import { Role } from './role.entity.js';
import { AccountWithPassword, CreateUserInput, RoleInput, UpdateUserInput } from './staff.inputs.js';
import type { StaffService } from './staff.service.js';
import { User } from './user.entity.js';

@ObjectType({ description: 'A permission of the catalogue.' })
export class Permission {
  @Field(() => String, { description: 'Key used in roles and checks, e.g. "event:create".' })
  key!: string;

  @Field(() => String, { description: 'Area of the product it belongs to, e.g. "Events".' })
  area!: string;

  @Field(() => String, { description: 'What it allows, in plain language.' })
  description!: string;
}

@ObjectType({ description: 'A role with how many accounts hold it.' })
export class RoleSummary {
  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  @Field(() => Int, { description: 'Accounts (active or not) that hold this role; a role in use cannot be deleted.' })
  memberCount!: number;
}

@Resolver()
export class StaffResolver {
  constructor(private readonly staff: StaffService) {}

  @Authorized()
  @Query(() => [Permission], { description: 'Every permission a role can hold, in catalogue order (grouped by area) with a plain-language description.' })
  permissionCatalogue(): Permission[] {
    return Object.entries(PERMISSIONS).map(([key, { area, description }]) => ({ key, area, description }));
  }

  @Authorized('staff:manage')
  @Query(() => [User], { description: 'Staff accounts by name.' })
  users(@Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Include deactivated accounts.' }) includeInactive: boolean): Promise<User[]> {
    return this.staff.list(includeInactive);
  }

  @Authorized('staff:manage')
  @Query(() => User, { description: 'One staff account.' })
  user(@Arg('id', () => ID, { description: 'Account id.' }) id: string): Promise<User> {
    return this.staff.get(id);
  }

  @Authorized()
  @Query(() => [RoleSummary], { description: 'Roles with their permissions and member counts (needs role:manage or staff:manage).' })
  roles(@Ctx() ctx: RequestContext): Promise<RoleSummary[]> {
    const permissions = ctx.viewer!.permissions;
    if (!permissions.has('role:manage') && !permissions.has('staff:manage')) {
      throw new ForbiddenError('You need the "role:manage" or "staff:manage" permission for this.', 'role:manage');
    }
    return this.staff.roles();
  }

  @Authorized('staff:manage')
  @Mutation(() => AccountWithPassword, { description: 'Create a staff account; without a password a one-time one is generated and returned once.' })
  createUser(@Arg('input', () => CreateUserInput, { description: 'The account.' }) input: CreateUserInput, @Ctx() ctx: RequestContext): Promise<AccountWithPassword> {
    return this.staff.createAccount(ctx.viewer!, input);
  }

  @Authorized('staff:manage')
  @Mutation(() => User, { description: 'Edit an account: name, e-mail, phone, role, language. The last active administrator cannot be given a lesser role.' })
  updateUser(
    @Arg('id', () => ID, { description: 'Account id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version read; a stale one is CONFLICT.' }) expectedVersion: number,
    @Arg('input', () => UpdateUserInput, { description: 'Fields to change.' }) input: UpdateUserInput,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return this.staff.updateAccount(ctx.viewer!, id, expectedVersion, input);
  }

  @Authorized('staff:manage')
  @Mutation(() => AccountWithPassword, { description: "Reset an account's password (to the one given, or a generated one-time password returned once); ends all its sessions." })
  resetUserPassword(
    @Arg('id', () => ID, { description: 'Account id.' }) id: string,
    @Arg('password', () => String, { nullable: true, description: 'New password (at least 8 characters); generated when omitted.' }) password: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AccountWithPassword> {
    return this.staff.resetAccountPassword(ctx.viewer!, id, password ?? null);
  }

  @Authorized('staff:manage')
  @Mutation(() => User, { description: 'Deactivate an account: it cannot sign in and all its sessions and subscriptions end at once. The last active administrator cannot be deactivated.' })
  deactivateUser(@Arg('id', () => ID, { description: 'Account id.' }) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return this.staff.setActive(ctx.viewer!, id, false);
  }

  @Authorized('staff:manage')
  @Mutation(() => User, { description: 'Reactivate a deactivated account.' })
  reactivateUser(@Arg('id', () => ID, { description: 'Account id.' }) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return this.staff.setActive(ctx.viewer!, id, true);
  }

  @Authorized('role:manage')
  @Mutation(() => Role, { description: 'Create a role from permissions of the catalogue.' })
  createRole(@Arg('input', () => RoleInput, { description: 'Name (required) and permissions.' }) input: RoleInput, @Ctx() ctx: RequestContext): Promise<Role> {
    return this.staff.createRole(ctx.viewer!, input);
  }

  @Authorized('role:manage')
  @Mutation(() => Role, { description: "Rename a role or replace its permissions; members' open sessions and subscriptions follow at once." })
  updateRole(
    @Arg('id', () => ID, { description: 'Role id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version read; a stale one is CONFLICT.' }) expectedVersion: number,
    @Arg('input', () => RoleInput, { description: 'Fields to change.' }) input: RoleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Role> {
    return this.staff.updateRole(ctx.viewer!, id, expectedVersion, input);
  }

  @Authorized('role:manage')
  @Mutation(() => Boolean, { description: 'Delete a role; refused with CONFLICT naming how many accounts still hold it, and for built-in roles.' })
  deleteRole(@Arg('id', () => ID, { description: 'Role id.' }) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.staff.deleteRole(ctx.viewer!, id);
  }
}
