import type { ResultOf } from '../../../graphql/graphql';
import type { ReportsQuery } from '../graphql/reportsQuery';

/** Every report of one period, as the page shows it. */
export type Reports = ResultOf<typeof ReportsQuery>['reports'];
export type EventsReport = Reports['events'];
export type StatusFigure = EventsReport['byStatus'][number];
export type CrewWorkloadRow = Reports['crewWorkload'][number];
export type EquipmentUtilisation = Reports['equipmentUtilisation'];
export type RepairsReport = Reports['repairs'];
