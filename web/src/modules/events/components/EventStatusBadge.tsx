import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductionEventStatus } from '../utils/productionEventTypes';
import { statusColor } from '../utils/statusColor';

export type EventStatusBadgeProps = {
  status: ProductionEventStatus;
};

export function EventStatusBadge({ status }: EventStatusBadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor(status)} size="lg" variant="light" data-testid="event-status" data-status={status}>
      {t(`events.status.${status}`)}
    </Badge>
  );
}
