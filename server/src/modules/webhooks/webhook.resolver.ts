import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import type { WebhookService } from './webhook.service.js';
import { Webhook, WebhookDelivery, WebhookInput } from './webhook.types.js';

@Resolver(() => Webhook)
export class WebhookResolver {
  constructor(private readonly service: WebhookService) {}

  @Authorized('settings:manage')
  @Query(() => [Webhook], { description: 'Registered webhooks with their delivery state (cursor, failing attempts, next retry).' })
  webhooks(@Ctx() ctx: RequestContext): Promise<Webhook[]> {
    return this.service.list(ctx.viewer!);
  }

  @Authorized('settings:manage')
  @Query(() => [WebhookDelivery], { description: 'Recent delivery attempts, newest first.' })
  webhookDeliveries(
    @Arg('webhookId', () => ID, { nullable: true, description: 'Only this webhook; all when omitted.' }) webhookId: string | null,
    @Arg('failedOnly', () => Boolean, { defaultValue: false, description: 'Only failed attempts.' }) failedOnly: boolean,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most this many (1–500).' }) limit: number,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookDelivery[]> {
    return this.service.deliveries(ctx.viewer!, webhookId ?? null, failedOnly, limit);
  }

  @Authorized('settings:manage')
  @Mutation(() => Webhook, { description: 'Register a webhook: changes of the chosen kinds committed from now on are POSTed to its URL.' })
  createWebhook(@Arg('input', () => WebhookInput, { description: 'URL and secret required.' }) input: WebhookInput, @Ctx() ctx: RequestContext): Promise<Webhook> {
    return this.service.create(ctx.viewer!, input);
  }

  @Authorized('settings:manage')
  @Mutation(() => Webhook, { description: 'Change a webhook (URL, secret, kinds, pause/resume).' })
  updateWebhook(
    @Arg('id', () => ID, { description: 'Webhook id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read; a stale one is CONFLICT.' }) expectedVersion: number,
    @Arg('input', () => WebhookInput, { description: 'Fields to change.' }) input: WebhookInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Webhook> {
    return this.service.update(ctx.viewer!, id, expectedVersion, input);
  }

  @Authorized('settings:manage')
  @Mutation(() => Webhook, { description: 'Remove a webhook and its delivery log; returns it as it was.' })
  deleteWebhook(@Arg('id', () => ID, { description: 'Webhook id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Webhook> {
    return this.service.delete(ctx.viewer!, id);
  }
}
