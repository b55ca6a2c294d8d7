import { Temporal } from 'temporal-polyfill';
import { addDays, todayIn, type CalendarDate } from '../../common/calendar-dates.js';
import type { Viewer } from '../../graphql/context.js';
import { ProductionEventStatus } from '../events/production-event-status.js';
import type { ProductionEventReadModel } from '../events/production-event.read-model.js';
import { EventProblemKind, type ProductionEventView } from '../events/production-event.types.js';
import type { ReportService } from '../reports/report.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DashboardProblemKind, type Dashboard, type DashboardEquipment, type DashboardProblem } from './dashboard.types.js';

export const UPCOMING_DAYS = 14;
export const UPCOMING_LIMIT = 20;
export const PROBLEM_HORIZON_DAYS = 60;
export const OPEN_REPAIR_LIMIT = 50;

/** First and last day of the week containing `day`; `weekStart` 1 = Monday … 7 = Sunday. */
export function weekOf(day: CalendarDate, weekStart: number): { from: CalendarDate; to: CalendarDate } {
  const back = (Temporal.PlainDate.from(day).dayOfWeek - weekStart + 7) % 7;
  const from = addDays(day, -back);
  return { from, to: addDays(from, 6) };
}

export function monthOf(day: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  const first = Temporal.PlainDate.from(day).with({ day: 1 });
  return { from: first.toString(), to: first.add({ months: 1 }).subtract({ days: 1 }).toString() };
}

/**
 * The home page: figures reused from the reports (status counts) and the calendar read model
 * (events with crew and problems, busy people), so the dashboard and the calendar never disagree.
 * A constant number of statements: settings, two status counts, one event window (three), busy people.
 */
export class DashboardService {
  constructor(
    private readonly settings: SettingsService,
    private readonly reports: ReportService,
    private readonly readModel: ProductionEventReadModel,
  ) {}

  async dashboard(viewer: Viewer): Promise<Dashboard> {
    const { timeZone, weekStart } = await this.settings.get();
    const today = todayIn(timeZone);
    const week = weekOf(today, weekStart);
    const month = monthOf(today);
    const em = this.reports.forkEntityManager();
    const seesGear = viewer.permissions.has('equipment:read');
    const [weekReport, monthReport, window, busyToday, store] = await Promise.all([
      this.reports.events(week, em),
      this.reports.events(month, em),
      this.readModel.window(viewer.id, today, addDays(today, PROBLEM_HORIZON_DAYS)),
      this.readModel.busyPeople(today, today),
      seesGear ? storeNow(em, today, timeZone) : null,
    ]);
    const live = window.filter((event) => event.status !== ProductionEventStatus.CANCELLED);
    const upcomingUntil = addDays(today, UPCOMING_DAYS);
    return {
      today,
      week: { ...week, byStatus: weekReport.byStatus },
      month: { ...month, byStatus: monthReport.byStatus },
      todayEvents: live.filter((event) => event.busyFrom <= today && event.busyTo >= today).sort(byStart),
      upcomingEvents: live
        .filter((event) => event.startDate > today && event.startDate <= upcomingUntil)
        .sort(byStart)
        .slice(0, UPCOMING_LIMIT),
      busyToday,
      equipment: store?.figures ?? null,
      problems: sortProblems([...openProblems([...live].sort(byStart), seesGear), ...(store?.problems ?? [])]),
    };
  }
}

function byStart(a: ProductionEventView, b: ProductionEventView): number {
  return a.startDate.localeCompare(b.startDate) || (a.startTime ?? '').localeCompare(b.startTime ?? '') || a.title.localeCompare(b.title);
}

interface StoreRow {
  pieces_out: number;
  pieces_in_repair: number;
  open_repairs: number;
  unreturned: string;
  repairs: string;
}

/**
 * The store right now, one statement: pieces out and in repair, events whose gear is not all back
 * after their last reserved day (any date, the trash left out) and the oldest open repairs.
 */
async function storeNow(em: EntityManager, today: CalendarDate, timeZone: string): Promise<{ figures: DashboardEquipment; problems: DashboardProblem[] }> {
  const [row] = await em.execute<StoreRow[]>(
    `with balance as (
       select m.event_id, m.item_id, sum(case when m.kind = 'CHECK_OUT' then m.quantity else -m.quantity end)::int as out
         from equipment_movement m
        where m.event_id is not null and m.kind in ('CHECK_OUT', 'CHECK_IN')
        group by m.event_id, m.item_id
     ), unreturned as (
       select e.id, e.title, e.start_date::text as start_date, e.end_date::text as end_date, e.status,
              string_agg(i.name || ' × ' || b.out, ', ' order by i.name) as what
         from balance b join production_event e on e.id = b.event_id join equipment_item i on i.id = b.item_id
        where b.out > 0 and e.deleted_at is null and upper(e.busy_days) <= ?::date
        group by e.id
     ), open_repairs as (
       select r.id, r.quantity, r.reason, r.opened_at, (r.opened_at at time zone ?)::date::text as opened_day,
              i.name as item_name, u.serial, e.id as event_id, e.title, e.start_date::text as start_date, e.end_date::text as end_date, e.status
         from repair r join equipment_item i on i.id = r.item_id left join equipment_unit u on u.id = r.unit_id
         left join production_event e on e.id = r.event_id
        where r.status = 'OPEN'
     )
     select (select coalesce(sum(b.out), 0) from balance b join equipment_item i on i.id = b.item_id where i.kind = 'BULK' and b.out > 0)::int
              + (select count(*) from equipment_unit u where u.out_event_id is not null)::int as pieces_out,
            (select coalesce(sum(quantity), 0) from open_repairs)::int as pieces_in_repair,
            (select count(*) from open_repairs)::int as open_repairs,
            (select coalesce(json_agg(u order by u.start_date, u.title), '[]') from unreturned u)::text as unreturned,
            (select coalesce(json_agg(r order by r.opened_at), '[]') from (select * from open_repairs order by opened_at limit ?) r)::text as repairs`,
    [today, timeZone, OPEN_REPAIR_LIMIT],
  );
  const unreturned = JSON.parse(row.unreturned) as Array<{ id: string; title: string; start_date: string; end_date: string; status: ProductionEventStatus; what: string }>;
  const repairs = JSON.parse(row.repairs) as Array<{
    id: string;
    quantity: number;
    reason: string;
    opened_day: string;
    item_name: string;
    serial: string | null;
    event_id: string | null;
    title: string | null;
    start_date: string | null;
    end_date: string | null;
    status: ProductionEventStatus | null;
  }>;
  const none = { otherEvent: null, person: null, repairId: null, fromDate: null, toDate: null };
  return {
    figures: { piecesOut: row.pieces_out, piecesInRepair: row.pieces_in_repair, openRepairs: row.open_repairs, eventsWithUnreturnedGear: unreturned.length },
    problems: [
      ...unreturned.map((event) => ({
        ...none,
        kind: DashboardProblemKind.EQUIPMENT_NOT_RETURNED,
        message: `Not returned: ${event.what}`,
        link: `/events/${event.id}`,
        event: { id: event.id, title: event.title, startDate: event.start_date, endDate: event.end_date, status: event.status },
      })),
      ...repairs.map((repair) => ({
        ...none,
        kind: DashboardProblemKind.OPEN_REPAIR,
        message: `In repair: ${repair.item_name}${repair.serial ? ` ${repair.serial}` : ` × ${repair.quantity}`} — ${repair.reason}`,
        link: '/equipment?tab=repairs',
        event: repair.event_id ? { id: repair.event_id, title: repair.title!, startDate: repair.start_date!, endDate: repair.end_date!, status: repair.status! } : null,
        repairId: repair.id,
        fromDate: repair.opened_day,
      })),
    ],
  };
}

/** Problems of the events, a double booking once (it is a problem of both of its events); shortages only for viewers who see gear. */
function openProblems(events: ProductionEventView[], seesGear: boolean): DashboardProblem[] {
  const seen = new Set<string>();
  const problems: DashboardProblem[] = [];
  const ref = (event: Pick<ProductionEventView, 'id' | 'title' | 'startDate' | 'endDate' | 'status'>) => ({
    id: event.id,
    title: event.title,
    startDate: event.startDate,
    endDate: event.endDate,
    status: event.status,
  });
  for (const event of events) {
    for (const problem of event.problems) {
      if (problem.kind === EventProblemKind.CREW_CONFLICT && problem.conflict) {
        const { person, otherEvent, fromDate, toDate } = problem.conflict;
        const key = [person.id, ...[event.id, otherEvent.id].sort()].join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push({ kind: DashboardProblemKind.CREW_CONFLICT, message: problem.message, link: `/events/${event.id}`, event: ref(event), otherEvent: ref(otherEvent), person, repairId: null, fromDate, toDate });
      } else if (problem.kind === EventProblemKind.EQUIPMENT_SHORTAGE && problem.shortage && seesGear) {
        const { fromDate, toDate } = problem.shortage;
        problems.push({ kind: DashboardProblemKind.EQUIPMENT_SHORTAGE, message: problem.message, link: `/events/${event.id}`, event: ref(event), otherEvent: null, person: null, repairId: null, fromDate, toDate });
      } else if (problem.kind === EventProblemKind.MANUAL) {
        problems.push({ kind: DashboardProblemKind.MANUAL, message: problem.message, link: `/events/${event.id}`, event: ref(event), otherEvent: null, person: null, repairId: null, fromDate: null, toDate: null });
      }
    }
  }
  return problems;
}

/** Soonest first: by the problem's first day, else its event's first show day; then by title and message. */
function sortProblems(problems: DashboardProblem[]): DashboardProblem[] {
  const day = (problem: DashboardProblem) => problem.fromDate ?? problem.event?.startDate ?? '';
  return problems.sort((a, b) => day(a).localeCompare(day(b)) || (a.event?.title ?? '').localeCompare(b.event?.title ?? '') || a.message.localeCompare(b.message));
}
