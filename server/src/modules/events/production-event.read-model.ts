import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import { pgArray, runQueries } from '../../database/orm.js';
import { daysBetween, eachDay, type CalendarDate } from '../../common/calendar-dates.js';
import { BadUserInputError } from '../../common/errors.js';
import type { Client } from '../clients/client.entity.js';
import type { CrewRole } from '../crew-roles/crew-role.entity.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { Venue } from '../venues/venue.entity.js';
import { findShortages } from '../equipment/equipment-availability.js';
import type { EquipmentShortage } from '../equipment/equipment-refs.types.js';
import { todayIn } from '../../common/calendar-dates.js';
import { allowedTransitions, ProductionEventStatus } from './production-event-status.js';
import type { ProductionEventFilter } from './production-event.inputs.js';
import {
  EventProblemKind,
  type BusyPerson,
  type CrewConflict,
  type CrewMember,
  type CrewScheduleRow,
  type Person,
  type ProductionEventRef,
  type ProductionEventView,
} from './production-event.types.js';

/** The widest window one calendar query may ask for. */
export const MAX_WINDOW_DAYS = 400;

const EVENT_COLUMNS = `
  e.id, e.title, e.start_date::text as start_date, e.end_date::text as end_date,
  to_char(e.start_time, 'HH24:MI') as start_time, to_char(e.end_time, 'HH24:MI') as end_time, e.ends_next_day,
  e.prep_days, e.return_days, lower(e.busy_days)::text as busy_from, (upper(e.busy_days) - 1)::text as busy_to,
  e.status, e.notes, e.problem_note, e.version, e.created_at, e.updated_at, e.deleted_at,
  c.id as c_id, c.name as c_name, c.kind as c_kind, c.phone as c_phone, c.email as c_email, c.contact_person as c_contact_person,
  c.notes as c_notes, c.state as c_state, c.archived_at as c_archived_at, c.version as c_version, c.created_at as c_created_at,
  v.id as v_id, v.name as v_name, v.address as v_address, v.notes as v_notes, v.archived_at as v_archived_at, v.version as v_version,
  m.id as m_id, m.name as m_name, m.phone as m_phone,
  s.id as s_id, s.name as s_name, s.phone as s_phone,
  d.id as d_id, d.name as d_name, d.phone as d_phone`;

const EVENT_JOINS = `
  from production_event e
  left join client c on c.id = e.client_id
  left join venue v on v.id = e.venue_id
  left join app_user m on m.id = e.manager_id
  left join app_user s on s.id = e.senior_engineer_id
  left join app_user d on d.id = e.deleted_by`;

interface EventRow {
  id: string;
  title: string;
  start_date: string;
  end_date: string;
  start_time: string | null;
  end_time: string | null;
  ends_next_day: boolean;
  prep_days: number;
  return_days: number;
  busy_from: string;
  busy_to: string;
  status: ProductionEventStatus;
  notes: string | null;
  problem_note: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  [joined: string]: unknown;
}

interface CrewRow {
  id: string;
  event_id: string;
  acknowledged_at: Date | null;
  override_reason: string | null;
  user_id: string;
  user_name: string;
  user_phone: string | null;
  role_id: string;
  role_name: string;
  role_position: number;
  role_retired: boolean;
  role_version: number;
}

interface ConflictRow {
  event_id: string;
  event_title: string;
  event_start: string;
  event_end: string;
  event_status: ProductionEventStatus;
  user_id: string;
  user_name: string;
  user_phone: string | null;
  other_id: string;
  other_title: string;
  other_start: string;
  other_end: string;
  other_status: ProductionEventStatus;
  other_busy_from: string;
  other_busy_to: string;
  from_day: string;
  to_day: string;
}

/** A conflict plus the other event's reserved days, so live feeds know which calendars it touches. */
export type FoundConflict = CrewConflict & { otherBusy: [CalendarDate, CalendarDate] };

/** Raw statements return timestamptz as text (MikroORM's type parser); GraphQL wants Dates. */
function instant(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(value as string);
}

function person(row: Record<string, unknown>, prefix: string): Person | null {
  const id = row[`${prefix}_id`] as string | null;
  return id ? { id, name: row[`${prefix}_name`] as string, phone: (row[`${prefix}_phone`] as string | null) ?? null } : null;
}

function clientOf(row: EventRow): Client | null {
  if (!row.c_id) return null;
  return {
    id: row.c_id,
    name: row.c_name,
    kind: row.c_kind,
    phone: row.c_phone,
    email: row.c_email,
    contactPerson: row.c_contact_person,
    notes: row.c_notes,
    state: row.c_state,
    archivedAt: instant(row.c_archived_at),
    version: row.c_version,
    createdAt: instant(row.c_created_at),
  } as Client;
}

function venueOf(row: EventRow): Venue | null {
  if (!row.v_id) return null;
  return { id: row.v_id, name: row.v_name, address: row.v_address, notes: row.v_notes, archivedAt: instant(row.v_archived_at), version: row.v_version } as Venue;
}

function toConflict(row: ConflictRow): FoundConflict {
  return {
    otherBusy: [row.other_busy_from, row.other_busy_to],
    person: { id: row.user_id, name: row.user_name, phone: row.user_phone },
    event: { id: row.event_id, title: row.event_title, startDate: row.event_start, endDate: row.event_end, status: row.event_status },
    otherEvent: { id: row.other_id, title: row.other_title, startDate: row.other_start, endDate: row.other_end, status: row.other_status },
    fromDate: row.from_day,
    toDate: row.to_day,
  };
}

export function conflictKey(conflict: CrewConflict): string {
  return `${conflict.event.id}|${conflict.person.id}|${conflict.otherEvent.id}`;
}

export function checkWindow(from: CalendarDate, to: CalendarDate, maxDays = MAX_WINDOW_DAYS): void {
  if (to < from) throw new BadUserInputError([{ field: 'to', message: 'is before from' }]);
  if (daysBetween(from, to) >= maxDays) throw new BadUserInputError([{ field: 'to', message: `the period may be at most ${maxDays} days` }]);
}

/** Everyone an event occupies (crew, senior engineer, manager), read per event from its own keys. */
const PEOPLE_OF_EVENT = (alias: string) => `
  select a.user_id from crew_assignment a where a.event_id = ${alias}.id
  union all select ${alias}.senior_engineer_id where ${alias}.senior_engineer_id is not null
  union all select ${alias}.manager_id where ${alias}.manager_id is not null`;

/**
 * Every double booking of the people on the given events, in one statement. A person is "on" an
 * event as crew, senior engineer or manager; cancelled and deleted events free them. Only events
 * whose reserved days touch the span of the given ones can conflict: the GiST index finds them and
 * their people are read per event, so the plan stays index scans at 100,000 events (tests/bench).
 */
export async function findConflicts(em: EntityManager, eventIds: readonly string[]): Promise<FoundConflict[]> {
  if (eventIds.length === 0) return [];
  const rows = await em.execute<ConflictRow[]>(
    `with mine as materialized (
       select distinct e.id as event_id, p.user_id, e.busy_days, e.title, e.start_date, e.end_date, e.status
         from production_event e
         cross join lateral (${PEOPLE_OF_EVENT('e')}) p
        where e.id in (select unnest(?::uuid[])) and e.deleted_at is null and e.status <> 'cancelled'
     ), others as materialized (
       select o.id, o.title, o.start_date, o.end_date, o.status, o.busy_days, o.senior_engineer_id, o.manager_id
         from production_event o
        where o.deleted_at is null and o.status <> 'cancelled'
          and o.busy_days && (select range_merge(range_agg(busy_days)) from mine)
     ), other_people as materialized (
       select p.user_id, o.id, o.title, o.start_date, o.end_date, o.status, o.busy_days
         from others o
         cross join lateral (${PEOPLE_OF_EVENT('o')}) p
     )
     select distinct m.event_id, m.title as event_title, m.start_date::text as event_start, m.end_date::text as event_end, m.status as event_status,
            m.user_id, u.name as user_name, u.phone as user_phone,
            o.id as other_id, o.title as other_title, o.start_date::text as other_start, o.end_date::text as other_end, o.status as other_status,
            lower(o.busy_days)::text as other_busy_from, (upper(o.busy_days) - 1)::text as other_busy_to,
            lower(m.busy_days * o.busy_days)::text as from_day, (upper(m.busy_days * o.busy_days) - 1)::text as to_day
       from mine m
       join other_people o on o.user_id = m.user_id and o.id <> m.event_id and o.busy_days && m.busy_days
       join app_user u on u.id = m.user_id
      order by m.event_id, u.name, other_start, o.id`,
    [pgArray(eventIds)],
  );
  return rows.map(toConflict);
}

/** Reads events in the GraphQL shape — crew, client, venue, problems — in three statements whatever their number. */
export class ProductionEventReadModel {
  constructor(
    private readonly orm: MikroORM,
    private readonly settings: SettingsService,
  ) {}

  /** Events whose reserved days touch [from, to], filtered. */
  async window(viewerId: string, from: CalendarDate, to: CalendarDate, givenFilter?: ProductionEventFilter | null): Promise<ProductionEventView[]> {
    // An explicit GraphQL `filter: null` arrives as null, which a default parameter does not replace.
    const filter = givenFilter ?? {};
    checkWindow(from, to);
    const where = [`e.deleted_at is null`, `e.busy_days && daterange(?::date, ?::date, '[]')`];
    const params: unknown[] = [from, to];
    if (filter.statuses?.length) (where.push('e.status = any(?::text[])'), params.push(pgArray(filter.statuses)));
    if (filter.confirmedOnly) where.push(`e.status in ('confirmed', 'in_progress')`);
    if (filter.managerId) (where.push('e.manager_id = ?'), params.push(filter.managerId));
    if (filter.clientId) (where.push('e.client_id = ?'), params.push(filter.clientId));
    for (const personId of [filter.mine ? viewerId : null, filter.personId ?? null]) {
      if (personId) (where.push('exists (select 1 from event_person p where p.event_id = e.id and p.user_id = ?)'), params.push(personId));
    }
    const em = this.orm.em.fork();
    const rows = await em.execute<EventRow[]>(`select ${EVENT_COLUMNS} ${EVENT_JOINS} where ${where.join(' and ')} order by e.start_date, e.id`, params);
    return this.complete(em, rows);
  }

  /** Events by id in the given order (deleted ones included), missing ids skipped. */
  async byIds(ids: readonly string[], em: EntityManager = this.orm.em.fork()): Promise<ProductionEventView[]> {
    if (ids.length === 0) return [];
    const rows = await em.execute<EventRow[]>(`select ${EVENT_COLUMNS} ${EVENT_JOINS} where e.id in (select unnest(?::uuid[]))`, [pgArray(ids)]);
    const views = new Map((await this.complete(em, rows)).map((view) => [view.id, view]));
    return ids.flatMap((id) => views.get(id) ?? []);
  }

  async deleted(limit = 200): Promise<ProductionEventView[]> {
    const em = this.orm.em.fork();
    const rows = await em.execute<EventRow[]>(`select ${EVENT_COLUMNS} ${EVENT_JOINS} where e.deleted_at is not null order by e.deleted_at desc limit ?`, [limit]);
    return this.complete(em, rows);
  }

  /** People × days: every active account with where it works in the period, optionally only one crew role. */
  async crewSchedule(from: CalendarDate, to: CalendarDate, crewRoleId?: string | null): Promise<CrewScheduleRow[]> {
    checkWindow(from, to, 120);
    if (crewRoleId != null && !isUUID(crewRoleId)) throw new BadUserInputError([{ field: 'crewRoleId', message: 'is not a crew role id' }]);
    const em = this.orm.em.fork();
    const rows = await em.execute<Array<{ user_id: string; user_name: string; user_phone: string | null; event_id: string | null; title: string; start_date: string; end_date: string; status: ProductionEventStatus; role_name: string; from_day: string; to_day: string }>>(
      `with window_events as (
         select e.* from production_event e
          where e.deleted_at is null and e.status <> 'cancelled' and e.busy_days && daterange(?::date, ?::date, '[]')
       ), placed as (
         select a.user_id, e.id as event_id, r.name as role_name from window_events e join crew_assignment a on a.event_id = e.id join crew_role r on r.id = a.crew_role_id
         union all select e.senior_engineer_id, e.id, 'Senior engineer' from window_events e where e.senior_engineer_id is not null
         union all select e.manager_id, e.id, 'Manager' from window_events e where e.manager_id is not null
       )
       select u.id as user_id, u.name as user_name, u.phone as user_phone, e.id as event_id, e.title, e.start_date::text as start_date, e.end_date::text as end_date, e.status,
              string_agg(distinct p.role_name, ', ') as role_name,
              greatest(lower(e.busy_days), ?::date)::text as from_day, least(upper(e.busy_days) - 1, ?::date)::text as to_day
         from app_user u
         left join placed p on p.user_id = u.id
         left join window_events e on e.id = p.event_id
        where u.active
          and (?::uuid is null or exists (select 1 from crew_assignment a2 join window_events w on w.id = a2.event_id where a2.user_id = u.id and a2.crew_role_id = ?::uuid))
        group by u.id, u.name, u.phone, e.id, e.title, e.start_date, e.end_date, e.status, e.busy_days
        order by u.name, u.id, e.start_date`,
      [from, to, from, to, crewRoleId ?? null, crewRoleId ?? null],
    );
    const byPerson = new Map<string, CrewScheduleRow>();
    for (const row of rows) {
      let entry = byPerson.get(row.user_id);
      if (!entry) byPerson.set(row.user_id, (entry = { person: { id: row.user_id, name: row.user_name, phone: row.user_phone }, entries: [], conflictDays: [] }));
      if (row.event_id) {
        entry.entries.push({
          event: { id: row.event_id, title: row.title, startDate: row.start_date, endDate: row.end_date, status: row.status },
          roleName: row.role_name,
          fromDate: row.from_day,
          toDate: row.to_day,
        });
      }
    }
    for (const entry of byPerson.values()) entry.conflictDays = daysTakenTwice(entry.entries.map((e) => [e.fromDate, e.toDate]));
    return [...byPerson.values()];
  }

  /** Who is on a non-cancelled event in the period (for the crew picker). */
  async busyPeople(from: CalendarDate, to: CalendarDate): Promise<BusyPerson[]> {
    checkWindow(from, to, 120);
    const em = this.orm.em.fork();
    const rows = await em.execute<Array<{ user_id: string; user_name: string; user_phone: string | null; event_id: string; title: string; start_date: string; end_date: string; status: ProductionEventStatus; from_day: string; to_day: string }>>(
      `select distinct u.id as user_id, u.name as user_name, u.phone as user_phone, e.id as event_id, e.title, e.start_date::text as start_date, e.end_date::text as end_date, e.status,
              greatest(lower(e.busy_days), ?::date)::text as from_day, least(upper(e.busy_days) - 1, ?::date)::text as to_day
         from production_event e
         cross join lateral (${PEOPLE_OF_EVENT('e')}) p
         join app_user u on u.id = p.user_id
        where e.deleted_at is null and e.status <> 'cancelled' and e.busy_days && daterange(?::date, ?::date, '[]')
        order by u.name, u.id, start_date`,
      [from, to, from, to],
    );
    const byPerson = new Map<string, BusyPerson & { ranges: Array<[string, string]> }>();
    for (const row of rows) {
      let busy = byPerson.get(row.user_id);
      if (!busy) byPerson.set(row.user_id, (busy = { person: { id: row.user_id, name: row.user_name, phone: row.user_phone }, events: [], days: [], ranges: [] }));
      busy.events.push({ id: row.event_id, title: row.title, startDate: row.start_date, endDate: row.end_date, status: row.status });
      busy.ranges.push([row.from_day, row.to_day]);
    }
    return [...byPerson.values()].map(({ ranges, ...busy }) => ({ ...busy, days: [...new Set(ranges.flatMap(([a, b]) => eachDay(a, b)))].sort() }));
  }

  /** Adds crew and problems to event rows: two more statements for any number of events. */
  private async complete(em: EntityManager, rows: EventRow[]): Promise<ProductionEventView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const settings = await this.settings.get(em);
    const [crewRows, conflicts, shortages, gearTrouble] = await runQueries(em, [
      () =>
        em.execute<CrewRow[]>(
          `select a.id, a.event_id, a.acknowledged_at, a.override_reason, u.id as user_id, u.name as user_name, u.phone as user_phone,
                  r.id as role_id, r.name as role_name, r.position as role_position, r.retired as role_retired, r.version as role_version
             from crew_assignment a join app_user u on u.id = a.user_id join crew_role r on r.id = a.crew_role_id
            where a.event_id in (select unnest(?::uuid[]))
            order by r.position, u.name`,
          [pgArray(ids)],
        ),
      () => findConflicts(em, ids),
      () => findShortages(em, ids),
      () => gearTroubleOf(em, ids, todayIn(settings.timeZone)),
    ]);
    const shortagesByEvent = groupBy(shortages, (shortage) => shortage.eventId);
    const troubleByEvent = groupBy(gearTrouble, (row) => row.event_id);
    const crewByEvent = groupBy(crewRows, (row) => row.event_id);
    const conflictsByEvent = groupBy(conflicts, (conflict) => conflict.event.id);
    return rows.map((row) => {
      const crew: CrewMember[] = (crewByEvent.get(row.id) ?? []).map((a) => ({
        id: a.id,
        person: { id: a.user_id, name: a.user_name, phone: a.user_phone },
        crewRole: { id: a.role_id, name: a.role_name, position: a.role_position, retired: a.role_retired, version: a.role_version } as CrewRole,
        acknowledgedAt: instant(a.acknowledged_at),
        overrideReason: a.override_reason,
      }));
      // One object literal with every field written out: spreads give each view its own hidden class (tests/bench).
      return {
        id: row.id,
        title: row.title,
        startDate: row.start_date,
        endDate: row.end_date,
        startTime: row.start_time,
        endTime: row.end_time,
        endsNextDay: row.ends_next_day,
        timeZone: settings.timeZone,
        prepDays: row.prep_days,
        returnDays: row.return_days,
        busyFrom: row.busy_from,
        busyTo: row.busy_to,
        status: row.status,
        allowedTransitions: [...allowedTransitions(row.status)],
        client: clientOf(row),
        venue: venueOf(row),
        manager: person(row, 'm'),
        seniorEngineer: person(row, 's'),
        crew,
        notes: row.notes,
        problemNote: row.problem_note,
        problems: problemsOf(row, conflictsByEvent.get(row.id) ?? [], shortagesByEvent.get(row.id) ?? [], troubleByEvent.get(row.id) ?? []),
        version: row.version,
        createdAt: instant(row.created_at)!,
        updatedAt: instant(row.updated_at)!,
        deletedAt: instant(row.deleted_at),
        deletedBy: person(row, 'd'),
      };
    });
  }
}

interface GearTroubleRow {
  event_id: string;
  kind: 'NOT_RETURNED' | 'DAMAGED';
  name: string;
  quantity: number;
}

/** The statement of `gearTroubleOf` (parameters: the event ids, today, the event ids), exported so the bench runs it as the server does. */
export const GEAR_TROUBLE_SQL = `select e.id as event_id, 'NOT_RETURNED' as kind, i.name, (sum(case when m.kind = 'CHECK_OUT' then m.quantity else -m.quantity end))::int as quantity
       from production_event e
       join equipment_movement m on m.event_id = e.id and m.kind in ('CHECK_OUT', 'CHECK_IN')
       join equipment_item i on i.id = m.item_id
      where e.id in (select unnest(?::uuid[])) and upper(e.busy_days) <= ?::date
      group by e.id, i.id, i.name
     having sum(case when m.kind = 'CHECK_OUT' then m.quantity else -m.quantity end) > 0
     union all
     select r.event_id, 'DAMAGED', i.name, sum(r.quantity)::int
       from repair r join equipment_item i on i.id = r.item_id
      where r.event_id in (select unnest(?::uuid[])) and r.status = 'OPEN'
      group by r.event_id, i.id, i.name
      order by 1, 3`;

/**
 * Gear of the given events that is a problem: still out after the event's last reserved day, or
 * returned damaged with its repair still open. One statement for any number of events.
 */
async function gearTroubleOf(em: EntityManager, eventIds: readonly string[], today: CalendarDate): Promise<GearTroubleRow[]> {
  return em.execute<GearTroubleRow[]>(
    GEAR_TROUBLE_SQL,
    [pgArray(eventIds), today, pgArray(eventIds)],
  );
}

function problemsOf(row: EventRow, conflicts: CrewConflict[], shortages: EquipmentShortage[], trouble: GearTroubleRow[]) {
  return [
    ...conflicts.map((conflict) => ({
      kind: EventProblemKind.CREW_CONFLICT,
      message: `${conflict.person.name} is also on "${conflict.otherEvent.title}" ${conflict.fromDate === conflict.toDate ? `on ${conflict.fromDate}` : `from ${conflict.fromDate} to ${conflict.toDate}`}`,
      conflict,
      shortage: null,
    })),
    ...shortages.map((shortage) => ({
      kind: EventProblemKind.EQUIPMENT_SHORTAGE,
      message: `${shortage.item.name}: ${shortage.reserved} reserved but ${Math.max(0, shortage.available)} available ${shortage.fromDate === shortage.toDate ? `on ${shortage.fromDate}` : `from ${shortage.fromDate} to ${shortage.toDate}`}`,
      conflict: null,
      shortage,
    })),
    ...trouble.map((t) => ({
      kind: t.kind === 'NOT_RETURNED' ? EventProblemKind.EQUIPMENT_NOT_RETURNED : EventProblemKind.EQUIPMENT_DAMAGED,
      message: t.kind === 'NOT_RETURNED' ? `${t.name} × ${t.quantity} not returned` : `${t.name} × ${t.quantity} came back damaged (in repair)`,
      conflict: null,
      shortage: null,
    })),
    ...(row.problem_note ? [{ kind: EventProblemKind.MANUAL, message: row.problem_note, conflict: null, shortage: null }] : []),
  ];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Days covered by more than one of the ranges. */
function daysTakenTwice(ranges: Array<[CalendarDate, CalendarDate]>): CalendarDate[] {
  const seen = new Map<CalendarDate, number>();
  for (const [from, to] of ranges) for (const day of eachDay(from, to)) seen.set(day, (seen.get(day) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([day]) => day).sort();
}

export type { ProductionEventRef };
