// SQL used by the calendar and busy benchmarks.
//
// SERVER_*: verbatim copies of the statements of server/src/modules/events/production-event.read-model.ts
// (not exported by @loadout/server), with MikroORM's `?` placeholders turned into `$n` by `numbered()`.
// Keep them in step with the read model: they are what EXPLAIN inspects and what the like-for-like
// baseline reuses for conflicts.
//
// BASELINE_*: hand-written equivalents fetching only what the calendar cell shows.
// SUGGESTED_CONFLICTS: a window-scoped rewrite of findConflicts (see the report in RESULTS.md).

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

export const SERVER_EVENT_JOINS = `
  from production_event e
  left join client c on c.id = e.client_id
  left join venue v on v.id = e.venue_id
  left join app_user m on m.id = e.manager_id
  left join app_user s on s.id = e.senior_engineer_id
  left join app_user d on d.id = e.deleted_by`;

/** ReadModel.window() without filters: $1 from, $2 to. */
export const SERVER_WINDOW = `select ${SERVER_EVENT_COLUMNS} ${SERVER_EVENT_JOINS} where e.deleted_at is null and e.busy_days && daterange(?::date, ?::date, '[]') order by e.start_date, e.id`;

/** ReadModel.complete(): crew of the events; $1 = '{id,…}'. */
export const SERVER_CREW = `select a.id, a.event_id, a.acknowledged_at, a.override_reason, u.id as user_id, u.name as user_name, u.phone as user_phone,
                r.id as role_id, r.name as role_name, r.position as role_position, r.retired as role_retired, r.version as role_version
           from crew_assignment a join app_user u on u.id = a.user_id join crew_role r on r.id = a.crew_role_id
          where a.event_id = any(?::uuid[])
          order by r.position, u.name`;

/** findConflicts(em, eventIds); $1 = '{id,…}'. */
export const SERVER_CONFLICTS = `with mine as (
       select distinct p.event_id, p.user_id, e.busy_days, e.title, e.start_date, e.end_date, e.status
         from event_person p join production_event e on e.id = p.event_id
        where p.event_id = any(?::uuid[]) and e.deleted_at is null and e.status <> 'cancelled'
     )
     select distinct m.event_id, m.title as event_title, m.start_date::text as event_start, m.end_date::text as event_end, m.status as event_status,
            m.user_id, u.name as user_name, u.phone as user_phone,
            o.id as other_id, o.title as other_title, o.start_date::text as other_start, o.end_date::text as other_end, o.status as other_status,
            lower(o.busy_days)::text as other_busy_from, (upper(o.busy_days) - 1)::text as other_busy_to,
            lower(m.busy_days * o.busy_days)::text as from_day, (upper(m.busy_days * o.busy_days) - 1)::text as to_day
       from mine m
       join event_person op on op.user_id = m.user_id and op.event_id <> m.event_id
       join production_event o on o.id = op.event_id
       join app_user u on u.id = m.user_id
      where o.deleted_at is null and o.status <> 'cancelled' and o.busy_days && m.busy_days
      order by m.event_id, u.name, other_start, o.id`;

/**
 * The same result as SERVER_CONFLICTS, scoped by the GiST index first: only events whose reserved
 * days touch the span of the given events can conflict with them, so their people are read by
 * event id (a few thousand index probes) instead of joining every booking of every person.
 */
export const SUGGESTED_CONFLICTS = `with mine as materialized (
       select distinct p.event_id, p.user_id, e.busy_days, e.title, e.start_date, e.end_date, e.status
         from event_person p join production_event e on e.id = p.event_id
        where p.event_id = any(?::uuid[]) and e.deleted_at is null and e.status <> 'cancelled'
     ), others as materialized (
       select o.id, o.title, o.start_date, o.end_date, o.status, o.busy_days, o.senior_engineer_id, o.manager_id
         from production_event o
        where o.deleted_at is null and o.status <> 'cancelled'
          and o.busy_days && (select range_merge(range_agg(busy_days)) from mine)
     ), other_people as materialized (
       select a.user_id, o.id, o.title, o.start_date, o.end_date, o.status, o.busy_days from others o join crew_assignment a on a.event_id = o.id
       union all select senior_engineer_id, id, title, start_date, end_date, status, busy_days from others where senior_engineer_id is not null
       union all select manager_id, id, title, start_date, end_date, status, busy_days from others where manager_id is not null
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

/** Hand-written: the calendar cells of a period ($1 from, $2 to), only the fields shown. */
export const BASELINE_EVENTS = `select e.id, e.title, e.status, e.start_date::text as start_date, e.end_date::text as end_date,
       to_char(e.start_time, 'HH24:MI') as start_time, to_char(e.end_time, 'HH24:MI') as end_time,
       lower(e.busy_days)::text as busy_from, (upper(e.busy_days) - 1)::text as busy_to, e.problem_note,
       c.name as client_name, v.name as venue_name, m.name as manager_name
  from production_event e
  left join client c on c.id = e.client_id
  left join venue v on v.id = e.venue_id
  left join app_user m on m.id = e.manager_id
 where e.deleted_at is null and e.busy_days && daterange($1::date, $2::date, '[]')
 order by e.start_date, e.id`;

/** Hand-written: crew names and roles of the events ($1 uuid[]). */
export const BASELINE_CREW = `select a.event_id, u.name as person_name, r.name as role_name
  from crew_assignment a join app_user u on u.id = a.user_id join crew_role r on r.id = a.crew_role_id
 where a.event_id = any($1::uuid[])
 order by r.position, u.name`;

/**
 * Busy that day, the baseline: one hand-written overlap query for one person ($1 user, $2 first
 * reserved day, $3 last reserved day, $4 the event itself) — crew bookings, then senior/manager.
 */
export const BASELINE_PERSON_OVERLAP = `select o.id, o.title, lower(o.busy_days * daterange($2::date, $3::date, '[]'))::text as from_day
  from crew_assignment a join production_event o on o.id = a.event_id
 where a.user_id = $1 and o.deleted_at is null and o.status <> 'cancelled' and o.busy_days && daterange($2::date, $3::date, '[]') and o.id <> $4
union all
select o.id, o.title, lower(o.busy_days * daterange($2::date, $3::date, '[]'))::text
  from production_event o
 where (o.manager_id = $1 or o.senior_engineer_id = $1) and o.deleted_at is null and o.status <> 'cancelled'
   and o.busy_days && daterange($2::date, $3::date, '[]') and o.id <> $4`;
