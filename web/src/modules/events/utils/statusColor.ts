import { DEFAULT_THEME } from '@mantine/core';
import type { ProductionEventStatus } from './productionEventTypes';

const colors: Record<ProductionEventStatus, string> = {
  DRAFT: 'gray',
  TENTATIVE: 'orange',
  CONFIRMED: 'green',
  IN_PROGRESS: 'blue',
  COMPLETED: 'cyan',
  CANCELLED: 'red',
};

/** The Mantine colour of a status: badges, buttons, schedule bars and the legend use it everywhere. */
export function statusColor(status: ProductionEventStatus): string {
  return colors[status];
}

/** The same colour as a CSS value, for what Mantine does not paint (calendar bars). */
export function statusHexColor(status: ProductionEventStatus): string {
  return DEFAULT_THEME.colors[colors[status]]![7];
}
