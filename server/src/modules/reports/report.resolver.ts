import { Arg, Authorized, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { CalendarDate } from '../../common/calendar-dates.js';
import { CalendarDateScalar } from '../../graphql/scalars.js';
import { MAX_REPORT_DAYS, parsePeriod, type ReportService } from './report.service.js';
import { CrewWorkloadRow, EquipmentUtilisationReport, EventsReport, Reports, RepairsReport } from './report.types.js';

@Resolver(() => Reports)
export class ReportResolver {
  constructor(private readonly reportService: ReportService) {}

  @Authorized('reports:read')
  @Query(() => Reports, {
    description: `Reports for a period of company-time-zone days (at most ${MAX_REPORT_DAYS} days). The same figures download as .xlsx from GET /api/reports.xlsx?from=…&to=….`,
  })
  reports(
    @Arg('from', () => CalendarDateScalar, { description: 'First day of the period.' }) from: CalendarDate,
    @Arg('to', () => CalendarDateScalar, { description: 'Last day of the period, inclusive.' }) to: CalendarDate,
  ): Reports {
    return parsePeriod(from, to);
  }

  @FieldResolver(() => EventsReport, { description: 'Events by status, client and manager (one statement).' })
  events(@Root() period: Reports): Promise<EventsReport> {
    return this.reportService.events(period);
  }

  @FieldResolver(() => [CrewWorkloadRow], { description: 'Days per person, with their roles and events, most days first (one statement).' })
  crewWorkload(@Root() period: Reports): Promise<CrewWorkloadRow[]> {
    return this.reportService.crewWorkload(period);
  }

  @FieldResolver(() => EquipmentUtilisationReport, { description: 'Days out per item and per category (one statement).' })
  equipmentUtilisation(@Root() period: Reports): Promise<EquipmentUtilisationReport> {
    return this.reportService.equipmentUtilisation(period);
  }

  @FieldResolver(() => RepairsReport, { description: 'Repairs opened and closed, days to repair, faults per day (one statement).' })
  repairs(@Root() period: Reports): Promise<RepairsReport> {
    return this.reportService.repairs(period);
  }
}
