import type { ProductionEventStatus } from './calendarTypes';

const colors: Record<ProductionEventStatus, string> = {
  DRAFT: 'gray',
  TENTATIVE: 'orange',
  CONFIRMED: 'green',
  IN_PROGRESS: 'blue',
  COMPLETED: 'cyan',
  CANCELLED: 'red',
};

/** The Mantine colour name of a status (badges, legend), matching `statusColor`. */
export function statusBadgeColor(status: ProductionEventStatus): string {
  return colors[status];
}
