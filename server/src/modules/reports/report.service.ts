import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { isCalendarDate, type CalendarDate } from '../../common/calendar-dates.js';
import { BadUserInputError, type FieldProblem } from '../../common/errors.js';
import { checkWindow } from '../events/production-event.read-model.js';
import { ProductionEventStatus } from '../events/production-event-status.js';
import type { CrewWorkloadRow, EventsReport } from './report.types.js';

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
}
