import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { isCalendarDate, type CalendarDate } from '../../common/calendar-dates.js';
import { BadUserInputError, type FieldProblem } from '../../common/errors.js';
import { checkWindow } from '../events/production-event.read-model.js';
import { ProductionEventStatus } from '../events/production-event-status.js';
import type { CrewWorkloadRow, EquipmentUtilisationReport, EventsReport, RepairsReport } from './report.types.js';

/** The longest period one report may cover: two years and a day (a leap year). */
export const MAX_REPORT_DAYS = 732;

/** A period of company-time-zone days, both ends included. */
export interface ReportPeriod {
  from: CalendarDate;
  to: CalendarDate;
}

const STATUS_ORDER = Object.values(ProductionEventStatus);

/** Checks a period given as text (query string or GraphQL) and returns it; BAD_USER_INPUT otherwise. */
export function parsePeriod(from: unknown, to: unknown): ReportPeriod {
  const problems: FieldProblem[] = [];
  if (!isCalendarDate(from)) problems.push({ field: 'from', message: 'must be a date such as 2026-11-01' });
  if (!isCalendarDate(to)) problems.push({ field: 'to', message: 'must be a date such as 2026-11-30' });
  if (problems.length) throw new BadUserInputError(problems);
  checkWindow(from as CalendarDate, to as CalendarDate, MAX_REPORT_DAYS);
  return { from: from as CalendarDate, to: to as CalendarDate };
}

interface EventFigureRow {
  dimension: 'status' | 'client' | 'manager';
  key: string | null;
  name: string | null;
  phone: string | null;
  events: number;
  event_days: number;
  cancelled: number;
}

/**
 * The report figures, each one SQL statement whatever the size of the period (no per-row queries).
 * Days are company-time-zone calendar days; an event's show days are `startDate..endDate`, its
 * reserved days add prep and return days. Events in the trash never count. A new report (equipment
 * utilisation, repairs) is one more method here, one field on `Reports` and one sheet in the workbook.
 */
export class ReportService {
  constructor(private readonly orm: MikroORM) {}

  /** One entity manager for several reports of one request. */
  forkEntityManager(): EntityManager {
    return this.orm.em.fork();
  }

  /** Events whose show days touch the period: by status (all of them), by client and by manager (cancelled apart). */
  async events(period: ReportPeriod, em: EntityManager = this.orm.em.fork()): Promise<EventsReport> {
    const { from, to } = period;
    const rows = await em.execute<EventFigureRow[]>(
      `with period_events as materialized (
         select e.id, e.status, e.client_id, e.manager_id, (least(e.end_date, ?::date) - greatest(e.start_date, ?::date) + 1) as days
           from production_event e
          where e.deleted_at is null and e.busy_days && daterange(?::date, ?::date, '[]')
            and e.start_date <= ?::date and e.end_date >= ?::date
       )
       select 'status' as dimension, pe.status as key, null as name, null as phone,
              count(*)::int as events, sum(pe.days)::int as event_days, 0 as cancelled
         from period_events pe group by pe.status
       union all
       select 'client', c.id::text, c.name, null,
              count(*) filter (where pe.status <> 'cancelled')::int, coalesce(sum(pe.days) filter (where pe.status <> 'cancelled'), 0)::int,
              count(*) filter (where pe.status = 'cancelled')::int
         from period_events pe left join client c on c.id = pe.client_id group by c.id, c.name
       union all
       select 'manager', u.id::text, u.name, u.phone,
              count(*) filter (where pe.status <> 'cancelled')::int, coalesce(sum(pe.days) filter (where pe.status <> 'cancelled'), 0)::int,
              count(*) filter (where pe.status = 'cancelled')::int
         from period_events pe left join app_user u on u.id = pe.manager_id group by u.id, u.name, u.phone`,
      [to, from, from, to, to, from],
    );
    const byStatus = new Map(rows.filter((row) => row.dimension === 'status').map((row) => [row.key, row]));
    const mostFirst = <T extends { events: number; cancelled: number }>(name: (row: T) => string) => (a: T, b: T) =>
      b.events - a.events || b.cancelled - a.cancelled || name(a).localeCompare(name(b));
    const report: EventsReport = {
      events: 0,
      eventDays: 0,
      cancelled: byStatus.get(ProductionEventStatus.CANCELLED)?.events ?? 0,
      byStatus: STATUS_ORDER.map((status) => ({ status, events: byStatus.get(status)?.events ?? 0, eventDays: byStatus.get(status)?.event_days ?? 0 })),
      byClient: rows
        .filter((row) => row.dimension === 'client')
        .map((row) => ({ clientId: row.key, clientName: row.name, events: row.events, eventDays: row.event_days, cancelled: row.cancelled }))
        .sort(mostFirst((row) => row.clientName ?? '\uffff')),
      byManager: rows
        .filter((row) => row.dimension === 'manager')
        .map((row) => ({
          manager: row.key ? { id: row.key, name: row.name!, phone: row.phone } : null,
          events: row.events,
          eventDays: row.event_days,
          cancelled: row.cancelled,
        }))
        .sort(mostFirst((row) => row.manager?.name ?? '\uffff')),
    };
    for (const figure of report.byStatus) {
      if (figure.status === ProductionEventStatus.CANCELLED) continue;
      report.events += figure.events;
      report.eventDays += figure.eventDays;
    }
    return report;
  }

  /**
   * Days per person in the period: everyone on a non-cancelled event (crew, senior engineer,
   * manager — whoever the event occupies, as for double bookings), prep and return days included,
   * each calendar day once however many events share it (the union of the ranges, `range_agg`).
   */
  async crewWorkload(period: ReportPeriod, em: EntityManager = this.orm.em.fork()): Promise<CrewWorkloadRow[]> {
    const { from, to } = period;
    const rows = await em.execute<Array<{ user_id: string; user_name: string; user_phone: string | null; events: number; days: number; roles: string }>>(
      `with period_events as materialized (
         select e.id, e.busy_days * daterange(?::date, ?::date, '[]') as days, e.senior_engineer_id, e.manager_id
           from production_event e
          where e.deleted_at is null and e.status <> 'cancelled' and e.busy_days && daterange(?::date, ?::date, '[]')
       ), placed as (
         select a.user_id, pe.id as event_id, pe.days, r.name as role_name
           from period_events pe join crew_assignment a on a.event_id = pe.id join crew_role r on r.id = a.crew_role_id
         union all select pe.senior_engineer_id, pe.id, pe.days, 'Senior engineer' from period_events pe where pe.senior_engineer_id is not null
         union all select pe.manager_id, pe.id, pe.days, 'Manager' from period_events pe where pe.manager_id is not null
       ), per_person as (
         select p.user_id, range_agg(p.days) as days, count(distinct p.event_id)::int as events, to_json(array_agg(distinct p.role_name order by p.role_name))::text as roles
           from placed p group by p.user_id
       )
       select u.id as user_id, u.name as user_name, u.phone as user_phone, pp.events, pp.roles,
              (select coalesce(sum(upper(r) - lower(r)), 0) from unnest(pp.days) r)::int as days
         from per_person pp join app_user u on u.id = pp.user_id
        order by days desc, u.name, u.id`,
      [from, to, from, to],
    );
    return rows.map((row) => ({
      person: { id: row.user_id, name: row.user_name, phone: row.user_phone },
      roles: JSON.parse(row.roles) as string[],
      events: row.events,
      days: row.days,
    }));
  }

  /**
   * Days out per item and per category (see `EquipmentUtilisationReport` for what "out" means):
   * one statement — (event, item) spans from the movements, else from the reserved lines, then
   * the union of days per item and per category (`range_agg`) and the piece-days.
   */
  async equipmentUtilisation(period: ReportPeriod, em: EntityManager = this.orm.em.fork()): Promise<EquipmentUtilisationReport> {
    const { from, to } = period;
    const rows = await em.execute<Array<{ dimension: 'item' | 'category'; id: string; code: string | null; name: string | null; category_path: string; days: number; piece_days: number; events: number }>>(
      `with period as (
         select daterange(?::date, ?::date, '[]') as p, ?::date as last_day,
                coalesce((select time_zone from company_settings limit 1), 'UTC') as tz
       ), moves as (
         select m.event_id, m.item_id,
                coalesce(sum(m.quantity) filter (where m.kind = 'CHECK_OUT'), 0) as qty_out,
                coalesce(sum(m.quantity) filter (where m.kind = 'CHECK_IN'), 0) as qty_in,
                min((m.at at time zone period.tz)::date) filter (where m.kind = 'CHECK_OUT') as first_out,
                max((m.at at time zone period.tz)::date) filter (where m.kind = 'CHECK_IN') as last_in
           from equipment_movement m cross join period
          where m.event_id is not null and m.kind in ('CHECK_OUT', 'CHECK_IN')
          group by m.event_id, m.item_id
       ), spans as (
         select mv.event_id, mv.item_id, mv.qty_out as quantity,
                daterange(mv.first_out,
                          greatest(mv.first_out, case when mv.qty_in >= mv.qty_out then mv.last_in else period.last_day end), '[]') * period.p as days
           from moves mv cross join period
          where mv.qty_out > 0
         union all
         select l.event_id, l.item_id, l.quantity, l.busy_days * period.p
           from event_equipment l cross join period
          where l.active and l.busy_days && period.p
            and not exists (select 1 from moves mv where mv.event_id = l.event_id and mv.item_id = l.item_id and mv.qty_out > 0)
       ), used as (
         select s.event_id, s.item_id, i.code, i.name, i.category_id, s.quantity, s.days,
                coalesce(pc.name || ' / ', '') || c.name as category_path
           from spans s join equipment_item i on i.id = s.item_id join equipment_category c on c.id = i.category_id
           left join equipment_category pc on pc.id = c.parent_id
          where not isempty(s.days)
       ), per_item as (
         select u.item_id, u.code, u.name, u.category_path, range_agg(u.days) as days,
                sum(u.quantity * (upper(u.days) - lower(u.days)))::int as piece_days, count(distinct u.event_id)::int as events
           from used u group by u.item_id, u.code, u.name, u.category_path
       ), per_category as (
         select u.category_id, u.category_path, range_agg(u.days) as days,
                sum(u.quantity * (upper(u.days) - lower(u.days)))::int as piece_days, count(distinct u.event_id)::int as events
           from used u group by u.category_id, u.category_path
       )
       select 'item' as dimension, pi.item_id::text as id, pi.code, pi.name, pi.category_path, pi.piece_days, pi.events,
              (select coalesce(sum(upper(r) - lower(r)), 0) from unnest(pi.days) r)::int as days
         from per_item pi
       union all
       select 'category', pc.category_id::text, null, null, pc.category_path, pc.piece_days, pc.events,
              (select coalesce(sum(upper(r) - lower(r)), 0) from unnest(pc.days) r)::int
         from per_category pc`,
      [from, to, to],
    );
    const byDays = <T extends { days: number; pieceDays: number }>(name: (row: T) => string) => (a: T, b: T) => b.days - a.days || b.pieceDays - a.pieceDays || name(a).localeCompare(name(b));
    return {
      byItem: rows
        .filter((row) => row.dimension === 'item')
        .map((row) => ({ itemId: row.id, code: row.code!, name: row.name!, categoryPath: row.category_path, days: row.days, pieceDays: row.piece_days, events: row.events }))
        .sort(byDays((row) => row.name)),
      byCategory: rows
        .filter((row) => row.dimension === 'category')
        .map((row) => ({ categoryId: row.id, categoryPath: row.category_path, days: row.days, pieceDays: row.piece_days }))
        .sort(byDays((row) => row.categoryPath)),
    };
  }

  /** Repairs opened, returned and written off in the period, days to repair and faults per day (one statement). */
  async repairs(period: ReportPeriod, em: EntityManager = this.orm.em.fork()): Promise<RepairsReport> {
    const { from, to } = period;
    const [row] = await em.execute<Array<{ opened: number; returned: number; written_off: number; open_at_end: number; average: number | null; median: number | null; period_days: number; by_day: string }>>(
      `with period as (
         select ?::date as first_day, ?::date as last_day, coalesce((select time_zone from company_settings limit 1), 'UTC') as tz
       ), r as (
         select r.status, (r.opened_at at time zone period.tz)::date as opened, (r.closed_at at time zone period.tz)::date as closed
           from repair r cross join period
       )
       select count(*) filter (where r.opened between p.first_day and p.last_day)::int as opened,
              count(*) filter (where r.status = 'RETURNED' and r.closed between p.first_day and p.last_day)::int as returned,
              count(*) filter (where r.status = 'WRITTEN_OFF' and r.closed between p.first_day and p.last_day)::int as written_off,
              count(*) filter (where r.opened <= p.last_day and (r.closed is null or r.closed > p.last_day))::int as open_at_end,
              (avg(r.closed - r.opened) filter (where r.status = 'RETURNED' and r.closed between p.first_day and p.last_day))::float8 as average,
              (percentile_cont(0.5) within group (order by r.closed - r.opened) filter (where r.status = 'RETURNED' and r.closed between p.first_day and p.last_day))::float8 as median,
              (p.last_day - p.first_day + 1) as period_days,
              (select json_agg(json_build_object('date', d::date::text, 'opened', (select count(*) from r r2 where r2.opened = d::date)) order by d)
                 from generate_series(p.first_day, p.last_day, interval '1 day') d)::text as by_day
         from period p left join r on true
        group by p.first_day, p.last_day`,
      [from, to],
    );
    return {
      opened: row.opened,
      returned: row.returned,
      writtenOff: row.written_off,
      openAtEnd: row.open_at_end,
      averageDaysToRepair: row.average,
      medianDaysToRepair: row.median,
      faultsPerDay: row.opened / row.period_days,
      byDay: (JSON.parse(row.by_day) as Array<{ date: CalendarDate; opened: number }>).map((day) => ({ date: day.date, opened: day.opened })),
    };
  }
}
