import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { BadUserInputError } from '../../common/errors.js';
import { requirePermissions } from '../../graphql/auth-checker.js';
import { REPLAY_LIMIT } from '../../realtime/journal-bus.js';
import type { RequestContext } from '../../graphql/context.js';
import { CalendarDateScalar, SafeIntScalar } from '../../graphql/scalars.js';
import type { JournalService } from '../journal/journal.service.js';
import { CalendarFeed } from './calendar-feed.js';
import { checkWindow } from './production-event.read-model.js';
import { CalendarChange, CrewConflict, CrewNotification } from './production-event.types.js';

const NOTIFICATIONS_LIMIT = 100;
const CATCH_UP_ROWS = 500;

@ObjectType({ description: 'What a calendar missed while disconnected.' })
export class CalendarCatchUp {
  @Field(() => [CalendarChange], { description: 'Changes touching the period, oldest first.' })
  changes!: CalendarChange[];

  @Field(() => SafeIntScalar, { description: 'The last sequence number read; ask again from here when not complete.' })
  lastSeq!: number;

  @Field(() => Boolean, { description: 'False when more changes follow (ask again from lastSeq, or reload the period).' })
  complete!: boolean;
}

/** Managers are the people who may put others on events. */
function isManager(ctx: RequestContext): boolean {
  return Boolean(ctx.viewer?.permissions.has('crew:assign') || ctx.viewer?.permissions.has('event:update-any'));
}

@Resolver()
export class CalendarLiveResolver {
  constructor(
    private readonly journal: JournalService,
    private readonly feed: CalendarFeed,
  ) {}

  @Authorized()
  @Query(() => [CrewNotification], {
    description: 'Your notifications after a sequence number (newest last, at most 100): how a reconnecting person catches up.',
  })
  async myNotificationsSince(
    @Arg('seq', () => SafeIntScalar, { defaultValue: 0, description: 'The last sequence number you have seen.' }) seq: number,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most this many, 1–100.' }) limit: number,
    @Ctx() ctx: RequestContext,
  ): Promise<CrewNotification[]> {
    const entries = await this.journal.notificationsFor(ctx.viewer!.id, seq, Math.max(1, Math.min(limit, NOTIFICATIONS_LIMIT)));
    const notifications = await Promise.all(entries.map((entry) => this.feed.notificationFor(entry, ctx.viewer!.id)));
    return notifications.filter((n): n is CrewNotification => n !== null);
  }

  @Authorized('event:read')
  @Query(() => CalendarCatchUp, {
    description: 'Calendar changes committed after a sequence number: how a calendar catches up after a reconnect (no journal:read needed).',
  })
  async calendarChangesSince(
    @Arg('seq', () => SafeIntScalar, { description: 'The last sequence number the calendar has seen.' }) seq: number,
    @Arg('from', () => CalendarDateScalar, { description: 'First day the calendar shows.' }) from: CalendarDate,
    @Arg('to', () => CalendarDateScalar, { description: 'Last day the calendar shows.' }) to: CalendarDate,
  ): Promise<CalendarCatchUp> {
    checkWindow(from, to);
    const entries = await this.journal.since(seq, CATCH_UP_ROWS);
    const changes = (await Promise.all(entries.map((entry) => this.feed.changesFor(entry, from, to)))).flat();
    return { changes, lastSeq: entries.at(-1)?.seq ?? seq, complete: entries.length < CATCH_UP_ROWS };
  }

  @Authorized('event:read')
  @Query(() => SafeIntScalar, {
    description: 'The sequence number of the last committed change. Read it before loading a period, then subscribe to calendarChanged with it as `since`: nothing committed in between is missed.',
  })
  latestChangeSeq(): Promise<number> {
    return this.journal.maxSeq();
  }

  @Subscription(() => CalendarChange, {
    description: `Every committed change of an event whose reserved days touch the period (and of events whose problems it changed). Needs event:read. With \`since\`, changes committed after that sequence number are sent first (when at most ${REPLAY_LIMIT} changes behind; otherwise catch up with calendarChangesSince).`,
    subscribe: ({ args, context }) => {
      const ctx = context as RequestContext;
      requirePermissions(ctx.viewer, ['event:read']);
      checkWindow(args.from as CalendarDate, args.to as CalendarDate);
      const since = args.since as number | null | undefined;
      if (since != null && (!Number.isSafeInteger(since) || since < 0)) throw new BadUserInputError([{ field: 'since', message: 'must be 0 or more' }]);
      return calendarChanges(ctx, args.from as CalendarDate, args.to as CalendarDate, since ?? null);
    },
  })
  calendarChanged(
    @Root() change: CalendarChange,
    @Arg('from', () => CalendarDateScalar, { description: 'First day the calendar shows.' }) _from: CalendarDate,
    @Arg('to', () => CalendarDateScalar, { description: 'Last day the calendar shows.' }) _to: CalendarDate,
    @Arg('since', () => SafeIntScalar, { nullable: true, description: 'The latestChangeSeq read before the period was loaded.' }) _since: number | null,
  ): CalendarChange {
    return change;
  }

  @Subscription(() => CrewConflict, {
    description: 'Double bookings as they are created: managers (crew:assign) get all, everyone else only their own.',
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      requirePermissions(ctx.viewer, ['event:read']);
      return conflicts(ctx);
    },
  })
  conflictRaised(@Root() conflict: CrewConflict): CrewConflict {
    return conflict;
  }

  @Subscription(() => CrewNotification, {
    description: 'Changes that concern you: added to, removed from or moved with an event, a new crew role, a double booking.',
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      requirePermissions(ctx.viewer, []);
      return notifications(ctx);
    },
  })
  myNotifications(@Root() notification: CrewNotification): CrewNotification {
    return notification;
  }
}

async function* calendarChanges(ctx: RequestContext, from: CalendarDate, to: CalendarDate, since: number | null): AsyncGenerator<CalendarChange> {
  for await (const entry of since === null ? ctx.bus.entries() : ctx.bus.entriesAfter(since)) {
    // Permissions are re-read when roles change; a viewer who lost event:read stops receiving.
    if (!ctx.viewer?.permissions.has('event:read')) continue;
    for (const change of await ctx.calendar.changesFor(entry, from, to)) yield change;
  }
}

async function* conflicts(ctx: RequestContext): AsyncGenerator<CrewConflict> {
  for await (const entry of ctx.bus.entries()) {
    const conflict = CalendarFeed.conflictOf(entry);
    if (!conflict || !ctx.viewer?.permissions.has('event:read')) continue;
    if (isManager(ctx) || conflict.person.id === ctx.viewer.id) yield conflict;
  }
}

async function* notifications(ctx: RequestContext): AsyncGenerator<CrewNotification> {
  for await (const entry of ctx.bus.entries()) {
    if (!ctx.viewer) continue;
    const notification = await ctx.calendar.notificationFor(entry, ctx.viewer.id);
    if (notification) yield notification;
  }
}
