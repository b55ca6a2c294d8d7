import { Authorized, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { JournalEntry } from '../journal/journal-entry.types.js';
import type { RequestContext } from '../../graphql/context.js';
import type { DashboardService } from './dashboard.service.js';
import { Dashboard, StoreChange } from './dashboard.types.js';

@Resolver(() => Dashboard)
export class DashboardResolver {
  constructor(private readonly dashboards: DashboardService) {}

  // It lists events with their crew, so it needs event:read besides the figures' reports:read.
  @Authorized('reports:read', 'event:read')
  @Query(() => Dashboard, { description: 'The home page: events this week and month by status, today and upcoming, who is busy today, open problems.' })
  dashboard(@Ctx() ctx: RequestContext): Promise<Dashboard> {
    return this.dashboards.dashboard(ctx.viewer!);
  }

  @Subscription(() => StoreChange, {
    description: "Each committed change of the store's state (check-outs, check-ins, repairs opened or closed), so an open dashboard re-reads its gear figures. Needs equipment:read.",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      requirePermissions(ctx.viewer, ['equipment:read']);
      return storeChanges(ctx.bus.entries());
    },
  })
  storeChanged(@Root() entry: JournalEntry): StoreChange {
    return { seq: entry.seq, action: entry.action };
  }
}

/** Journal entries that change what the dashboard shows of the store. */
export function isStoreChange(entry: Pick<JournalEntry, 'objectType' | 'action'>): boolean {
  return entry.objectType === 'Repair' || entry.action === 'equipment.check_out' || entry.action === 'equipment.check_in';
}

async function* storeChanges(entries: AsyncGenerator<JournalEntry>): AsyncGenerator<JournalEntry> {
  for await (const entry of entries) if (isStoreChange(entry)) yield entry;
}
