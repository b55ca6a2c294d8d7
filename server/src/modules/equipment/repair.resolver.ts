import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { RequestContext } from '../../graphql/context.js';
import { OpenRepairInput } from './equipment.inputs.js';
import { RepairNotification, RepairRuleView, RepairView } from './equipment.types.js';
import { RepairStatus } from './repair.entity.js';
import { repairNotificationFor, type RepairService } from './repair.service.js';

@Resolver()
export class RepairResolver {
  constructor(private readonly service: RepairService) {}

  @Authorized('equipment:read')
  @Query(() => [RepairView], { description: 'Repairs with reporter, responsible person and days open: open ones oldest first, or closed ones newest first.' })
  repairs(@Arg('open', () => Boolean, { nullable: true, description: 'True: open only; false: closed only; omitted: all.' }) open: boolean | undefined): Promise<RepairView[]> {
    return this.service.list(open);
  }

  @Authorized('equipment:read')
  @Query(() => [RepairRuleView], { description: 'The repair routing rules.' })
  repairRules(): Promise<RepairRuleView[]> {
    return this.service.rules();
  }

  @Authorized('equipment:read')
  @Mutation(() => RepairView, { description: 'Report a fault: the unit (or a quantity of a bulk item) leaves available stock; the routing rules name who is responsible, who is notified live.' })
  openRepair(@Arg('input', () => OpenRepairInput, { description: 'The fault.' }) input: OpenRepairInput, @Ctx() ctx: RequestContext): Promise<RepairView> {
    return this.service.open(ctx.viewer!, input);
  }

  @Authorized('repair:manage')
  @Mutation(() => RepairView, { description: 'Close a repair: back in stock (RETURNED) or gone for good (WRITTEN_OFF).' })
  closeRepair(
    @Arg('id', () => ID, { description: 'Repair id.' }) id: string,
    @Arg('outcome', () => RepairStatus, { description: 'RETURNED or WRITTEN_OFF.' }) outcome: RepairStatus,
    @Arg('note', () => String, { nullable: true, description: 'What was done.' }) note: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<RepairView> {
    return this.service.close(ctx.viewer!, id, outcome, note);
  }

  @Authorized()
  @Mutation(() => RepairRuleView, { description: 'Route repairs of a category (null = any) and problem kind (null = any) to a person. Needs repair:manage or settings:manage.' })
  setRepairRule(
    @Arg('categoryId', () => ID, { nullable: true, description: 'Category; null = any.' }) categoryId: string | undefined,
    @Arg('problemKind', () => String, { nullable: true, description: 'Problem kind; null = any.' }) problemKind: string | undefined,
    @Arg('responsibleId', () => ID, { description: 'The responsible account.' }) responsibleId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RepairRuleView> {
    return this.service.setRule(ctx.viewer!, categoryId ?? null, problemKind ?? null, responsibleId);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Remove a routing rule. Needs repair:manage or settings:manage.' })
  removeRepairRule(@Arg('id', () => ID, { description: 'Rule id.' }) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.service.removeRule(ctx.viewer!, id);
  }

  @Subscription(() => RepairNotification, {
    description: 'Repairs routed to you, as they are opened.',
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      requirePermissions(ctx.viewer, []);
      return routedRepairs(ctx);
    },
  })
  repairAssigned(@Root() notification: RepairNotification): RepairNotification {
    return notification;
  }
}

async function* routedRepairs(ctx: RequestContext): AsyncGenerator<RepairNotification> {
  for await (const entry of ctx.bus.entries()) {
    if (!ctx.viewer) continue;
    const notification = repairNotificationFor(entry, ctx.viewer.id);
    if (notification) yield notification;
  }
}
