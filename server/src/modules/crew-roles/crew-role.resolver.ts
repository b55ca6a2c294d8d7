import { IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { CrewRole } from './crew-role.entity.js';
import type { CrewRoleService } from './crew-role.service.js';

@InputType({ description: 'A crew role to create, or the fields of one to change.' })
export class CrewRoleInput {
  @Field(() => String, { nullable: true, description: 'Name; required when creating.' })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => Int, { nullable: true, description: 'Order in pickers and call sheets.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  position?: number;

  @Field(() => Boolean, { nullable: true, description: 'Retire (true) or bring back (false); retired roles are not offered for new assignments.' })
  @IsOptional()
  retired?: boolean;
}

@Resolver(() => CrewRole)
export class CrewRoleResolver {
  constructor(private readonly catalogue: CrewRoleService) {}

  @Authorized('event:read')
  @Query(() => [CrewRole], { description: 'The crew roles catalogue, in order.' })
  crewRoles(@Arg('includeRetired', () => Boolean, { defaultValue: false, description: 'Include retired roles.' }) includeRetired: boolean): Promise<CrewRole[]> {
    return this.catalogue.list(includeRetired);
  }

  @Authorized('settings:manage')
  @Mutation(() => CrewRole, { description: 'Add a crew role to the catalogue.' })
  createCrewRole(@Arg('input', () => CrewRoleInput, { description: 'The role; name required.' }) input: CrewRoleInput, @Ctx() ctx: RequestContext): Promise<CrewRole> {
    return this.catalogue.save(ctx.viewer!, null, { ...input, position: input.position ?? 0, retired: input.retired ?? false });
  }

  @Authorized('settings:manage')
  @Mutation(() => CrewRole, { description: 'Rename, reorder, retire or bring back a crew role. Roles are never deleted, so past events keep them.' })
  updateCrewRole(
    @Arg('id', () => ID, { description: 'Crew role id.' }) id: string,
    @Arg('input', () => CrewRoleInput, { description: 'Fields to change.' }) input: CrewRoleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CrewRole> {
    return this.catalogue.save(ctx.viewer!, id, input);
  }

  @Authorized('settings:manage')
  @Mutation(() => Boolean, { description: 'Delete a crew role that was never used; one in use is refused with CONFLICT (retire it instead).' })
  deleteCrewRole(@Arg('id', () => ID, { description: 'Crew role id.' }) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.catalogue.delete(ctx.viewer!, id);
  }
}
