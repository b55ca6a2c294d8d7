import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import type { DashboardService } from './dashboard.service.js';
import { Dashboard } from './dashboard.types.js';

@Resolver(() => Dashboard)
export class DashboardResolver {
  constructor(private readonly dashboards: DashboardService) {}

  // It lists events with their crew, so it needs event:read besides the figures' reports:read.
  @Authorized('reports:read', 'event:read')
  @Query(() => Dashboard, { description: 'The home page: events this week and month by status, today and upcoming, who is busy today, open problems.' })
  dashboard(@Ctx() ctx: RequestContext): Promise<Dashboard> {
    return this.dashboards.dashboard(ctx.viewer!);
  }
}
