import { Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import type { CalendarFeedTokenService } from './calendar-feed-token.service.js';

@ObjectType({ description: 'Whether the signed-in person has a personal calendar feed.' })
export class CalendarFeedStatus {
  @Field(() => Boolean, { description: 'True while a feed link exists (the link itself is shown only when made).' })
  active!: boolean;
}

@ObjectType({ description: 'A newly made personal calendar feed link.' })
export class CalendarFeedLink {
  @Field(() => String, { description: 'The secret iCal address (…/ical/<token>.ics) to subscribe to from a phone or calendar app. Shown this once.' })
  url!: string;
}

@Resolver()
export class CalendarFeedTokenResolver {
  constructor(private readonly feeds: CalendarFeedTokenService) {}

  @Authorized()
  @Query(() => CalendarFeedStatus, { description: 'Whether I have a personal calendar feed link.' })
  async myCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeedStatus> {
    return { active: await this.feeds.isActive(ctx.viewer!) };
  }

  @Authorized()
  @Mutation(() => CalendarFeedLink, { description: 'Make a new secret link to my calendar feed; the previous one stops working at once.' })
  async regenerateMyCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeedLink> {
    return { url: await this.feeds.regenerate(ctx.viewer!) };
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Revoke my calendar feed link: it answers 404 from now on. False when there was none.' })
  revokeMyCalendarFeed(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.feeds.revoke(ctx.viewer!);
  }
}
