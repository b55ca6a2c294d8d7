import { Temporal } from 'temporal-polyfill';
import { addDays, todayIn, type CalendarDate } from '../../common/calendar-dates.js';
import type { Viewer } from '../../graphql/context.js';
import { ProductionEventStatus } from '../events/production-event-status.js';
import type { ProductionEventReadModel } from '../events/production-event.read-model.js';
import { EventProblemKind, type ProductionEventView } from '../events/production-event.types.js';
import type { ReportService } from '../reports/report.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { DashboardProblemKind, type Dashboard, type DashboardProblem } from './dashboard.types.js';

export const UPCOMING_DAYS = 14;
export const UPCOMING_LIMIT = 20;
export const PROBLEM_HORIZON_DAYS = 60;

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
    const [weekReport, monthReport, window, busyToday] = await Promise.all([
      this.reports.events(week, em),
      this.reports.events(month, em),
      this.readModel.window(viewer.id, today, addDays(today, PROBLEM_HORIZON_DAYS)),
      this.readModel.busyPeople(today, today),
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
      problems: openProblems([...live].sort(byStart)),
    };
  }
}

function byStart(a: ProductionEventView, b: ProductionEventView): number {
  return a.startDate.localeCompare(b.startDate) || (a.startTime ?? '').localeCompare(b.startTime ?? '') || a.title.localeCompare(b.title);
}

/** Problems of the events, a double booking once (it is a problem of both of its events). */
function openProblems(events: ProductionEventView[]): DashboardProblem[] {
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
        problems.push({ kind: DashboardProblemKind.CREW_CONFLICT, message: problem.message, link: `/events/${event.id}`, event: ref(event), otherEvent: ref(otherEvent), person, fromDate, toDate });
      } else if (problem.kind === EventProblemKind.MANUAL) {
        problems.push({ kind: DashboardProblemKind.MANUAL, message: problem.message, link: `/events/${event.id}`, event: ref(event), otherEvent: null, person: null, fromDate: null, toDate: null });
      }
    }
  }
  const day = (problem: DashboardProblem) => problem.fromDate ?? problem.event.startDate;
  return problems.sort((a, b) => day(a).localeCompare(day(b)) || a.event.title.localeCompare(b.event.title));
}
