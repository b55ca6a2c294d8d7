import type { ProductionEventStatus } from './calendarTypes';

// Mantine's default palette (shade 6–8), so bars match badges elsewhere in the app.
const colors: Record<ProductionEventStatus, string> = {
  DRAFT: '#868e96',
  TENTATIVE: '#f08c00',
  CONFIRMED: '#2f9e44',
  IN_PROGRESS: '#1971c2',
  COMPLETED: '#0c8599',
  CANCELLED: '#c92a2a',
};

/** The colour that shows an event's status on the calendar. */
export function statusColor(status: ProductionEventStatus): string {
  return colors[status];
}
