import type { ProductionEventStatus } from './calendarTypes';

/** Statuses a new event may start in (the API refuses others). */
export const initialProductionEventStatuses: readonly ProductionEventStatus[] = [
  'DRAFT',
  'TENTATIVE',
  'CONFIRMED',
];
