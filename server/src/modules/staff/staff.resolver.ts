import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { PERMISSIONS } from './permissions.js';
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

@Resolver()
export class StaffResolver {
  constructor(private readonly staff: StaffService) {}

  @Authorized()
  @Query(() => [Permission], { description: 'Every permission a role can hold, grouped by area.' })
  permissionCatalogue(): Permission[] {
    return Object.entries(PERMISSIONS).map(([key, { area, description }]) => ({ key, area, description }));
  }

  @Authorized('staff:manage')
  @Mutation(() => User, { description: 'Deactivate an account: it cannot sign in and all its sessions and subscriptions end at once.' })
  deactivateUser(@Arg('id', () => ID, { description: 'Account id.' }) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return this.staff.setActive(ctx.viewer!, id, false);
  }

  @Authorized('staff:manage')
  @Mutation(() => User, { description: 'Reactivate a deactivated account.' })
  reactivateUser(@Arg('id', () => ID, { description: 'Account id.' }) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return this.staff.setActive(ctx.viewer!, id, true);
  }
}
