import type { ProductionEventStatus } from './crewScheduleTypes';

const colors: Record<ProductionEventStatus, string> = {
  DRAFT: 'gray',
  TENTATIVE: 'yellow',
  CONFIRMED: 'green',
  IN_PROGRESS: 'blue',
  COMPLETED: 'grape',
  CANCELLED: 'red',
};

/** The Mantine colour an event status is drawn in. */
export function statusColor(status: ProductionEventStatus): string {
  return colors[status];
}
