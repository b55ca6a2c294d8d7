import type { ProductionEventStatus } from './calendarTypes';

/** Every status in workflow order. */
export const productionEventStatuses: readonly ProductionEventStatus[] = [
  'DRAFT',
  'TENTATIVE',
  'CONFIRMED',
  'IN_PROGRESS',
  'COMPLETED',
  'CANCELLED',
];
