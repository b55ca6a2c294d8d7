import { Arg, Args, Authorized, Ctx, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { JournalEntry } from '../journal/journal-entry.types.js';
import { BadUserInputError, UnauthenticatedError } from '../../common/errors.js';
import type { RequestContext } from '../../graphql/context.js';
import type { StaffService } from '../staff/staff.service.js';
import { ChangePasswordArgs, LoginArgs } from './auth.inputs.js';
import type { AuthService } from './auth.service.js';
import { ViewerProfile } from './viewer-profile.types.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly staff: StaffService,
  ) {}

  @Query(() => ViewerProfile, { nullable: true, description: 'The signed-in account; null when not signed in.' })
  async me(@Ctx() ctx: RequestContext): Promise<ViewerProfile | null> {
    if (!ctx.viewer) return null;
    const user = await this.staff.findWithRole(ctx.viewer.id);
    return user ? ViewerProfile.fromUser(user) : null;
  }

  @Subscription(() => ViewerProfile, {
    nullable: true,
    description: 'My account as it is now, each time it or a role changes: new permissions reach the interface without signing in again.',
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      const viewer = requirePermissions(ctx.viewer, []);
      return accessChanges(viewer.id, ctx.bus.entries());
    },
  })
  async viewerChanged(@Root() _entry: JournalEntry, @Ctx() ctx: RequestContext): Promise<ViewerProfile | null> {
    const user = ctx.viewer ? await this.staff.findWithRole(ctx.viewer.id) : null;
    return user ? ViewerProfile.fromUser(user) : null;
  }

  @Mutation(() => ViewerProfile, { description: 'Sign in with e-mail and password; sets the HttpOnly session cookie.' })
  async login(@Args(() => LoginArgs) { email, password }: LoginArgs, @Ctx() ctx: RequestContext): Promise<ViewerProfile> {
    if (!ctx.cookies) throw new BadUserInputError([{ field: 'login', message: 'sign in over HTTP, not over the WebSocket' }]);
    const { token, viewer } = await this.auth.login(email, password, ctx);
    ctx.cookies.set(token, this.auth.sessionMaxAgeSeconds);
    const user = await this.staff.findWithRole(viewer.id);
    if (!user) throw new UnauthenticatedError();
    return ViewerProfile.fromUser(user);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'End the current session and clear the cookie.' })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    await this.auth.logout(ctx.viewer!, ctx);
    ctx.cookies?.clear();
    return true;
  }

  @Authorized()
  @Mutation(() => Int, { description: 'End every session of the viewer (optionally keeping this one); returns how many ended.' })
  async logoutEverywhere(
    @Arg('keepCurrent', () => Boolean, { defaultValue: false, description: 'Keep the session making this request.' }) keepCurrent: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    const ended = await this.auth.logoutEverywhere(ctx.viewer!, keepCurrent);
    if (!keepCurrent) ctx.cookies?.clear();
    return ended;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Change own password; the current password is required.' })
  async changePassword(@Args(() => ChangePasswordArgs) args: ChangePasswordArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    await this.auth.changePassword(ctx.viewer!, args.currentPassword, args.newPassword, args.endOtherSessions);
    return true;
  }

  @Authorized()
  @Mutation(() => ViewerProfile, { description: 'Set the interface language of the viewer, e.g. "en" or "ru".' })
  async setMyLanguage(
    @Arg('language', () => String, { description: 'Language code such as "en" or "ru".' }) language: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ViewerProfile> {
    return ViewerProfile.fromUser(await this.staff.setLanguage(ctx.viewer!, language));
  }
}

/** Journal rows that may change what a viewer is allowed: any role change, or a change of their own account. */
async function* accessChanges(viewerId: string, entries: AsyncGenerator<JournalEntry>): AsyncGenerator<JournalEntry> {
  for await (const entry of entries) {
    if (entry.objectType === 'Role' || (entry.objectType === 'User' && entry.objectId === viewerId)) yield entry;
  }
}
