import { IsOptional, Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { Venue } from './venue.entity.js';
import type { VenueService } from './venue.service.js';

@InputType({ description: 'A venue to create, or the fields of one to change.' })
export class VenueInput {
  @Field(() => String, { nullable: true, description: 'Name; required when creating.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Street address; null clears it.' })
  @IsOptional()
  @Length(0, 500)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Access and load-in notes; null clears them.' })
  @IsOptional()
  @Length(0, 5000)
  notes?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Archive (true) or bring back (false).' })
  @IsOptional()
  archived?: boolean | null;
}

@Resolver(() => Venue)
export class VenueResolver {
  constructor(private readonly venueService: VenueService) {}

  @Authorized('event:read')
  @Query(() => [Venue], { description: 'Venues by name (at most 500), optionally matching a search.' })
  venues(
    @Arg('search', () => String, { nullable: true, description: 'Part of the name.' }) search: string | undefined,
    @Arg('includeArchived', () => Boolean, { defaultValue: false, description: 'Include archived venues.' }) includeArchived: boolean,
  ): Promise<Venue[]> {
    return this.venueService.list(search, includeArchived);
  }

  @Authorized('event:create')
  @Mutation(() => Venue, { description: 'Create a venue.' })
  createVenue(@Arg('input', () => VenueInput, { description: 'The venue; name required.' }) input: VenueInput, @Ctx() ctx: RequestContext): Promise<Venue> {
    return this.venueService.save(ctx.viewer!, null, { ...input, name: input.name ?? '' });
  }

  @Authorized('event:create')
  @Mutation(() => Venue, { description: 'Change or archive a venue.' })
  updateVenue(
    @Arg('id', () => ID, { description: 'Venue id.' }) id: string,
    @Arg('input', () => VenueInput, { description: 'Fields to change.' }) input: VenueInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Venue> {
    return this.venueService.save(ctx.viewer!, id, input);
  }
}
