import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { RequestContext } from '../../graphql/context.js';
import { SafeIntScalar } from '../../graphql/scalars.js';
import { User } from '../staff/user.entity.js';
import { JournalActor, JournalEntry, JournalFilter, JournalPage, PageInput } from './journal-entry.types.js';
import type { JournalService } from './journal.service.js';

@Resolver(() => JournalEntry)
export class JournalResolver {
  constructor(private readonly journal: JournalService) {}

  @Authorized('journal:read')
  @Query(() => JournalPage, { name: 'journal', description: 'The audit journal, newest first, filtered and paged.' })
  journalPage(
    @Arg('filter', () => JournalFilter, { nullable: true, description: 'What to show.' }) filter: JournalFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page.' }) page: PageInput | undefined,
  ): Promise<JournalPage> {
    return this.journal.list(filter, page);
  }

  @Authorized('journal:read')
  @Query(() => [JournalEntry], {
    description: 'Committed changes after a sequence number, oldest first, at most 500: how a client catches up after a reconnect.',
  })
  changesSince(@Arg('seq', () => SafeIntScalar, { description: 'The last sequence number the client has seen.' }) seq: number): Promise<JournalEntry[]> {
    return this.journal.since(seq);
  }

  @Authorized('journal:read')
  @Query(() => [JournalActor], { description: 'Everyone who appears in the journal as the one who made a change, by name: the choices of the person filter.' })
  journalActors(): Promise<JournalActor[]> {
    return this.journal.actors();
  }

  @FieldResolver(() => User, { nullable: true, description: 'The account that made the change; null for the system or a failed login.' })
  actor(@Root() entry: JournalEntry, @Ctx() ctx: RequestContext): Promise<User | null> {
    return entry.actorId ? ctx.loaders.user.load(entry.actorId) : Promise.resolve(null);
  }

  @Subscription(() => JournalEntry, {
    description: 'Every new journal row as soon as it is committed (needs journal:read).',
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      requirePermissions(ctx.viewer, ['journal:read']);
      return filterForViewer(ctx, ctx.bus.entries());
    },
  })
  journalAppended(@Root() entry: JournalEntry): JournalEntry {
    return entry;
  }
}

async function* filterForViewer(ctx: RequestContext, entries: AsyncGenerator<JournalEntry>): AsyncGenerator<JournalEntry> {
  for await (const entry of entries) {
    // Permissions are re-read when roles change; a viewer who lost the right stops receiving rows.
    if (ctx.viewer?.permissions.has('journal:read')) yield entry;
  }
}
