import type { ProductionEventStatus } from './productionEventTypes';

const colors: Record<ProductionEventStatus, string> = {
  DRAFT: 'gray',
  TENTATIVE: 'yellow',
  CONFIRMED: 'green',
  IN_PROGRESS: 'blue',
  COMPLETED: 'teal',
  CANCELLED: 'red',
};

/** The Mantine colour of a status badge or button. */
export function statusColor(status: ProductionEventStatus): string {
  return colors[status];
}
