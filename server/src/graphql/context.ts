import type DataLoader from 'dataloader';
import type { CalendarFeed } from '../modules/events/calendar-feed.js';
import type { PresenceService } from '../modules/presence/presence.service.js';
import type { User } from '../modules/staff/user.entity.js';
import type { JournalBus } from '../realtime/journal-bus.js';

/** The signed-in account as seen by services: identity, session and effective permissions. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  sessionId: string;
  roleId: string;
  permissions: ReadonlySet<string>;
}

/** Sets and clears the session cookie; only HTTP requests have it. */
export interface SessionCookieJar {
  set(token: string, maxAgeSeconds: number): void;
  clear(): void;
}

/** What every resolver receives, over HTTP and over WebSocket alike. */
export interface RequestContext {
  requestId: string;
  transport: 'http' | 'ws';
  viewer: Viewer | null;
  ip?: string;
  userAgent?: string;
  cookies?: SessionCookieJar;
  loaders: { user: DataLoader<string, User | null> };
  /** The live change feed, for subscription resolvers. */
  bus: JournalBus;
  /** Turns journal entries into calendar changes and notifications, reading each event once per entry. */
  calendar: CalendarFeed;
  presence: PresenceService;
}
