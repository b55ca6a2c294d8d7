// SQL used by the calendar and busy benchmarks.
//
// SERVER_*: copies of the statements of server/src/modules/events/production-event.read-model.ts
// (not exported by @loadout/server), with MikroORM's `?` placeholders (turned into `$n` by `numbered()`).
// They are what EXPLAIN inspects and what the "server's SQL" baseline sends. `serverCopiesDrift()`
// compares them with the built server, so the bench says when they fall out of step.
//
// BASELINE_*: hand-written equivalents, fetching only what the calendar cell and the check need.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everyone an event occupies (crew, senior engineer, manager), read per event from its own keys — the server's PEOPLE_OF_EVENT. */
export const PEOPLE_OF_EVENT = (alias) => `
  select a.user_id from crew_assignment a where a.event_id = ${alias}.id
  union all select ${alias}.senior_engineer_id where ${alias}.senior_engineer_id is not null
  union all select ${alias}.manager_id where ${alias}.manager_id is not null`;

export const SERVER_EVENT_COLUMNS = `
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

/** An event with its client, venue and manager: the joins the calendar cell needs (shared with BASELINE_EVENTS). */
const CELL_JOINS = `
  from production_event e
  left join client c on c.id = e.client_id
  left join venue v on v.id = e.venue_id
  left join app_user m on m.id = e.manager_id`;

export const SERVER_EVENT_JOINS = `${CELL_JOINS}
  left join app_user s on s.id = e.senior_engineer_id
  left join app_user d on d.id = e.deleted_by`;

/** The where clauses ReadModel.window() always has (no filter): ? from, ? to. */
const WINDOW_WHERE = [`e.deleted_at is null`, `e.busy_days && daterange(?::date, ?::date, '[]')`];
const WINDOW_ORDER = `order by e.start_date, e.id`;

/** ReadModel.window() without filters: ? from, ? to. */
export const SERVER_WINDOW = `select ${SERVER_EVENT_COLUMNS} ${SERVER_EVENT_JOINS} where ${WINDOW_WHERE.join(' and ')} ${WINDOW_ORDER}`;

/** ReadModel.byIds(): ? = '{id,…}'. */
export const SERVER_BY_IDS = `select ${SERVER_EVENT_COLUMNS} ${SERVER_EVENT_JOINS} where e.id in (select unnest(?::uuid[]))`;

/** ReadModel.complete(): crew of the events; ? = '{id,…}'. */
export const SERVER_CREW = `select a.id, a.event_id, a.acknowledged_at, a.override_reason, u.id as user_id, u.name as user_name, u.phone as user_phone,
                r.id as role_id, r.name as role_name, r.position as role_position, r.retired as role_retired, r.version as role_version
           from crew_assignment a join app_user u on u.id = a.user_id join crew_role r on r.id = a.crew_role_id
          where a.event_id in (select unnest(?::uuid[]))
          order by r.position, u.name`;

/** findConflicts(em, eventIds); ? = '{id,…}'. */
export const SERVER_CONFLICTS = `with mine as materialized (
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
      order by m.event_id, u.name, other_start, o.id`;

/** ReadModel.busyPeople(from, to) (the crew picker): ? from, ? to, ? from, ? to. */
export const SERVER_BUSY_PEOPLE = `select distinct u.id as user_id, u.name as user_name, u.phone as user_phone, e.id as event_id, e.title, e.start_date::text as start_date, e.end_date::text as end_date, e.status,
              greatest(lower(e.busy_days), ?::date)::text as from_day, least(upper(e.busy_days) - 1, ?::date)::text as to_day
         from production_event e
         cross join lateral (${PEOPLE_OF_EVENT('e')}) p
         join app_user u on u.id = p.user_id
        where e.deleted_at is null and e.status <> 'cancelled' and e.busy_days && daterange(?::date, ?::date, '[]')
        order by u.name, u.id, start_date`;

/**
 * Names of the SERVER_* copies that no longer appear (whitespace aside) in the built read model, which
 * is what the benchmark runs; `null` when the built file cannot be read.
 */
export async function serverCopiesDrift() {
  let source;
  try {
    const dist = path.dirname(fileURLToPath(import.meta.resolve('@loadout/server')));
    source = await readFile(path.join(dist, 'modules/events/production-event.read-model.js'), 'utf8');
  } catch {
    return null;
  }
  // Whitespace aside; every piece is a whole template literal of the server, so compare with its backticks.
  const flat = (text) => text.replace(/\s+/g, ' ').replace(/ ?` ?/g, '`').trim();
  // Expand the server's own template pieces with our copies, which are checked themselves below.
  const expanded = flat(
    source
      .replace(/\$\{PEOPLE_OF_EVENT\('(\w+)'\)\}/g, (_, alias) => PEOPLE_OF_EVENT(alias))
      .replaceAll('${EVENT_COLUMNS}', SERVER_EVENT_COLUMNS)
      .replaceAll('${EVENT_JOINS}', SERVER_EVENT_JOINS),
  );
  const pieces = {
    PEOPLE_OF_EVENT: PEOPLE_OF_EVENT('${alias}'),
    SERVER_EVENT_COLUMNS,
    SERVER_EVENT_JOINS,
    // window() assembles its statement from these at run time.
    SERVER_WINDOW: [...WINDOW_WHERE, `select ${SERVER_EVENT_COLUMNS} ${SERVER_EVENT_JOINS} where \${where.join(' and ')} ${WINDOW_ORDER}`],
    SERVER_BY_IDS,
    SERVER_CREW,
    SERVER_CONFLICTS,
    SERVER_BUSY_PEOPLE,
  };
  return Object.entries(pieces)
    .filter(([, texts]) => [texts].flat().some((text) => !expanded.includes(`\`${flat(text)}\``)))
    .map(([name]) => name);
}

// ---------------------------------------------------------------------------------------------
// Hand-written baselines

/** The calendar cells of a period ($1 from, $2 to): only the fields shown. */
export const BASELINE_EVENTS = `select e.id, e.title, e.status, e.start_date::text as start_date, e.end_date::text as end_date,
       to_char(e.start_time, 'HH24:MI') as start_time, to_char(e.end_time, 'HH24:MI') as end_time,
       lower(e.busy_days)::text as busy_from, (upper(e.busy_days) - 1)::text as busy_to, e.problem_note,
       c.name as client_name, v.name as venue_name, m.name as manager_name ${CELL_JOINS}
 where e.deleted_at is null and e.busy_days && daterange($1::date, $2::date, '[]')
 order by e.start_date, e.id`;

/** Crew names and roles of the events ($1 uuid[]). */
export const BASELINE_CREW = `select a.event_id, u.name as person_name, r.name as role_name
  from crew_assignment a join app_user u on u.id = a.user_id join crew_role r on r.id = a.crew_role_id
 where a.event_id in (select unnest($1::uuid[]))
 order by r.position, u.name`;

/**
 * Double bookings of the people on the events ($1 uuid[]), only the columns the calendar shows: the
 * people of the events, the events touching the span of their reserved days (GiST), the people of
 * those, joined on person and overlapping days. Same rows and order as SERVER_CONFLICTS.
 */
export const BASELINE_CONFLICTS = `with mine as materialized (
  select distinct e.id, p.user_id, e.busy_days
    from production_event e cross join lateral (${PEOPLE_OF_EVENT('e')}) p
   where e.id in (select unnest($1::uuid[])) and e.deleted_at is null and e.status <> 'cancelled'
), theirs as materialized (
  select p.user_id, o.id, o.title, o.start_date, o.busy_days
    from production_event o cross join lateral (${PEOPLE_OF_EVENT('o')}) p
   where o.deleted_at is null and o.status <> 'cancelled'
     and o.busy_days && (select range_merge(range_agg(busy_days)) from mine)
)
select distinct m.id as event_id, m.user_id, u.name as user_name, o.id as other_id, o.title as other_title, o.start_date as other_start,
       lower(m.busy_days * o.busy_days)::text as from_day, (upper(m.busy_days * o.busy_days) - 1)::text as to_day
  from mine m
  join theirs o on o.user_id = m.user_id and o.id <> m.id and o.busy_days && m.busy_days
  join app_user u on u.id = m.user_id
 order by m.id, u.name, other_start, o.id`;

/**
 * Busy that day for one event ($1), by hand: its people, each person's other bookings through the
 * person indexes (crew_assignment (user_id, event_id), manager and senior engineer), kept where the
 * reserved days overlap. The same (person, other event, days) as findConflicts for that event.
 */
export const BASELINE_EVENT_OVERLAP = `with me as materialized (
  select e.id, e.busy_days, e.senior_engineer_id, e.manager_id from production_event e
   where e.id = $1 and e.deleted_at is null and e.status <> 'cancelled'
), people as materialized (
  select distinct p.user_id from me e cross join lateral (${PEOPLE_OF_EVENT('e')}) p
)
select distinct p.user_id, u.name as user_name, o.id as other_id, o.title as other_title, o.start_date as other_start,
       lower(me.busy_days * o.busy_days)::text as from_day, (upper(me.busy_days * o.busy_days) - 1)::text as to_day
  from me cross join people p
  join app_user u on u.id = p.user_id
  cross join lateral (
    select o.id, o.title, o.start_date, o.busy_days
      from crew_assignment a join production_event o on o.id = a.event_id
     where a.user_id = p.user_id and o.deleted_at is null and o.status <> 'cancelled' and o.busy_days && me.busy_days and o.id <> me.id
    union all
    select o.id, o.title, o.start_date, o.busy_days
      from production_event o
     where (o.manager_id = p.user_id or o.senior_engineer_id = p.user_id) and o.deleted_at is null and o.status <> 'cancelled'
       and o.busy_days && me.busy_days and o.id <> me.id
  ) o
 order by u.name, other_start, o.id`;

/**
 * The check an assignment needs, by hand, for one person ($1 user, $2 first reserved day, $3 last
 * reserved day, $4 the event itself) — crew bookings, then senior/manager.
 */
export const BASELINE_PERSON_OVERLAP = `select o.id, o.title, lower(o.busy_days * daterange($2::date, $3::date, '[]'))::text as from_day
  from crew_assignment a join production_event o on o.id = a.event_id
 where a.user_id = $1 and o.deleted_at is null and o.status <> 'cancelled' and o.busy_days && daterange($2::date, $3::date, '[]') and o.id <> $4
union all
select o.id, o.title, lower(o.busy_days * daterange($2::date, $3::date, '[]'))::text
  from production_event o
 where (o.manager_id = $1 or o.senior_engineer_id = $1) and o.deleted_at is null and o.status <> 'cancelled'
   and o.busy_days && daterange($2::date, $3::date, '[]') and o.id <> $4`;
