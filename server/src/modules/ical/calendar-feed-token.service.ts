import { createHash, randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import ical, { ICalEventStatus } from 'ical-generator';
import { addDays, todayIn, type CalendarDate } from '../../common/calendar-dates.js';
import type { Viewer } from '../../graphql/context.js';
import type { ProductionEventReadModel } from '../events/production-event.read-model.js';
import type { ProductionEventView } from '../events/production-event.types.js';
import { eventInstants } from '../events/event-schedule.js';
import type { JournalService } from '../journal/journal.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { User } from '../staff/user.entity.js';

/** The feed covers assignments from this many days ago to this many days ahead. */
export const FEED_DAYS_BACK = 90;
export const FEED_DAYS_AHEAD = 400;
const FEED_MAX_EVENTS = 1_000;
const TOKEN_PATTERN = /^[\w-]{32}$/;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const STATUS_LABEL: Record<string, string> = {
  DRAFT: 'Draft',
  TENTATIVE: 'Tentative',
  CONFIRMED: 'Confirmed',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

function icalStatus(value: string): ICalEventStatus {
  const status = value.toUpperCase();
  if (status === 'CANCELLED') return ICalEventStatus.CANCELLED;
  if (status === 'DRAFT' || status === 'TENTATIVE') return ICalEventStatus.TENTATIVE;
  return ICalEventStatus.CONFIRMED;
}

/** What the person does on the event: their crew role, or senior engineer / manager. */
export function roleOf(event: ProductionEventView, personId: string): string {
  const roles = event.crew.filter((member) => member.person.id === personId).map((member) => member.crewRole.name);
  if (event.seniorEngineer?.id === personId) roles.push('Senior engineer');
  if (event.manager?.id === personId) roles.push('Manager');
  return roles.join(', ');
}

const utcMidnight = (date: CalendarDate) => new Date(`${date}T00:00:00Z`);

/**
 * Personal calendar feeds (SPEC §7): a secret URL per person, `/ical/<token>.ics`, with their
 * assignments. Only the SHA-256 of the token is stored (like session tokens): the URL is shown once
 * when made; regenerating replaces it and revoking ends it.
 */
export class CalendarFeedTokenService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
    private readonly readModel: ProductionEventReadModel,
    private readonly settings: SettingsService,
    private readonly publicUrl: () => string,
  ) {}

  async isActive(viewer: Viewer): Promise<boolean> {
    const [row] = await this.orm.em.fork().execute<Array<{ active: boolean }>>('select ical_token_hash is not null as active from app_user where id = ?', [viewer.id]);
    return Boolean(row?.active);
  }

  /** Makes a new secret URL (the previous one stops working) and returns it, once. */
  async regenerate(viewer: Viewer): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.journal.record(async (em) => {
      const [before] = await em.execute<Array<{ had: boolean }>>('select ical_token_hash is not null as had from app_user where id = ?', [viewer.id]);
      await em.nativeUpdate(User, { id: viewer.id }, { icalTokenHash: hashToken(token) });
      return {
        result: undefined,
        journal: [
          {
            actor: viewer,
            action: before?.had ? 'user.ical_regenerate' : 'user.ical_create',
            objectType: 'CalendarFeed',
            objectId: viewer.id,
            summary: `${viewer.name} ${before?.had ? 'regenerated' : 'created'} their calendar feed link`,
          },
        ],
      };
    });
    return `${this.publicUrl()}/ical/${token}.ics`;
  }

  async revoke(viewer: Viewer): Promise<boolean> {
    return this.journal.record(async (em) => {
      const revoked = await em.nativeUpdate(User, { id: viewer.id, icalTokenHash: { $ne: null } }, { icalTokenHash: null });
      return {
        result: revoked > 0,
        journal: revoked > 0 ? [{ actor: viewer, action: 'user.ical_revoke', objectType: 'CalendarFeed', objectId: viewer.id, summary: `${viewer.name} revoked their calendar feed link` }] : [],
      };
    });
  }

  /** The iCalendar text of a token's feed, or null for an unknown or revoked token or an inactive account. */
  async feed(token: string): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const em = this.orm.em.fork();
    const user = await em.findOne(User, { icalTokenHash: hashToken(token), active: true });
    if (!user) return null;
    const settings = await this.settings.get(em);
    const today = todayIn(settings.timeZone);
    const ids = await em.execute<Array<{ id: string }>>(
      `select e.id from production_event e
        where e.deleted_at is null
          and e.id in (select event_id from event_person where user_id = ?)
          and e.busy_days && daterange(?::date, ?::date, '[]')
        order by e.start_date, e.id limit ?`,
      [user.id, addDays(today, -FEED_DAYS_BACK), addDays(today, FEED_DAYS_AHEAD), FEED_MAX_EVENTS],
    );
    const events = await this.readModel.byIds(ids.map((row) => row.id), em);
    const calendar = ical({
      name: `${settings.name} — ${user.name}`,
      prodId: { company: 'Loadout', product: 'Loadout', language: 'EN' },
      ttl: 60 * 30,
    });
    for (const event of events) {
      const role = roleOf(event, user.id);
      const { startsAt, endsAt } = eventInstants(event, event.timeZone);
      const timed = startsAt !== null && endsAt !== null;
      const address = [event.venue?.name, event.venue?.address].filter(Boolean).join(', ');
      calendar.createEvent({
        id: `${event.id}@loadout`,
        summary: role ? `${event.title} (${role})` : event.title,
        allDay: !timed,
        start: timed ? startsAt : utcMidnight(event.startDate),
        end: timed ? endsAt : utcMidnight(addDays(event.endDate, 1)),
        location: address || null,
        status: icalStatus(event.status),
        description: [
          role ? `Role: ${role}` : null,
          `Status: ${STATUS_LABEL[event.status.toUpperCase()] ?? event.status}`,
          event.client ? `Client: ${event.client.name}` : null,
          event.manager ? `Manager: ${event.manager.name}${event.manager.phone ? ` ${event.manager.phone}` : ''}` : null,
          event.prepDays || event.returnDays ? `Load-in days: ${event.prepDays}, load-out days: ${event.returnDays}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
        url: `${this.publicUrl()}/events/${event.id}`,
      });
    }
    return calendar.toString();
  }
}
