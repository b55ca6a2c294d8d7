import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { RequestContext } from '../../graphql/context.js';
import { ALL_SCOPES } from '../../realtime/journal-bus.js';
import { pushIterator } from '../../realtime/push-iterator.js';
import { checkScope, checkTabId, type PresenceService } from './presence.service.js';
import { PresenceSnapshot } from './presence.types.js';

const scopeArg = { description: '"calendar", "crew-schedule" or "event:<event id>".' } as const;
const tabIdArg = {
  nullable: true,
  description: 'A random id of the browser tab (1–64 letters, digits, - or _), the same for its heartbeats and its subscription, so two tabs count separately.',
} as const;

@Resolver()
export class PresenceResolver {
  constructor(private readonly presence: PresenceService) {}

  @Authorized('event:read')
  @Mutation(() => PresenceSnapshot, {
    description: 'Heartbeat: you have this scope open (send every ~10 s; silent tabs vanish after 30 s). editing = an edit dialog is open.',
  })
  async reportPresence(
    @Arg('scope', () => String, scopeArg) scope: string,
    @Arg('editing', () => Boolean, { defaultValue: false, description: 'True while you have an edit dialog open.' }) editing: boolean,
    @Arg('tabId', () => String, tabIdArg) tabId: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<PresenceSnapshot> {
    await this.presence.report(ctx.viewer!, scope, editing, tabId ?? '');
    return this.presence.snapshot(scope);
  }

  @Subscription(() => PresenceSnapshot, {
    description: 'Who has this scope open, now and after every change. Subscribing counts as being present; closing the socket leaves at once.',
    subscribe: ({ args, context }) => {
      const ctx = context as RequestContext;
      requirePermissions(ctx.viewer, ['event:read']);
      checkScope(args.scope as string);
      if (args.tabId) checkTabId(args.tabId as string);
      // Without a tab id each subscription is its own entry, so closing one never hides another.
      return presenceOf(ctx, args.scope as string, (args.tabId as string | undefined) ?? randomUUID());
    },
  })
  presenceChanged(
    @Root() snapshot: PresenceSnapshot,
    @Arg('scope', () => String, scopeArg) _scope: string,
    @Arg('tabId', () => String, tabIdArg) _tabId: string | undefined,
  ): PresenceSnapshot {
    return snapshot;
  }
}

function presenceOf(ctx: RequestContext, scope: string, tabId: string): AsyncIterableIterator<PresenceSnapshot> {
  const viewer = ctx.viewer!;
  let unsubscribe: (() => void) | undefined;
  const { iterator, push } = pushIterator<PresenceSnapshot>(async () => {
    unsubscribe?.();
    await ctx.presence.leave(viewer.sessionId, tabId, scope).catch(() => undefined);
  });
  // Snapshots are read one after another so a late read never overtakes a newer one.
  let reading = Promise.resolve();
  const refresh = () => {
    reading = reading.then(() => ctx.presence.snapshot(scope).then(push, () => undefined));
  };
  unsubscribe = ctx.bus.onPresence((changed) => {
    if ((changed === scope || changed === ALL_SCOPES) && ctx.viewer?.permissions.has('event:read')) refresh();
  });
  void ctx.presence.report(viewer, scope, false, tabId).then(refresh, () => undefined);
  return iterator;
}
