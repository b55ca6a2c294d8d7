import { Badge, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MyEvent } from '../utils/cabinetEventTypes';
import { myAssignmentOf } from '../utils/myAssignmentOf';

export type AcknowledgementControlProps = {
  event: Pick<MyEvent, 'id' | 'crew' | 'deletedAt'>;
  viewerId: string;
  pending: boolean;
  onAcknowledge: (eventId: string) => void;
};

/**
 * "Acknowledged" once I have confirmed my latest change on the event, else an "Acknowledge"
 * button. Nothing when I am not on its crew (only crew members acknowledge).
 */
export function AcknowledgementControl({ event, viewerId, pending, onAcknowledge }: AcknowledgementControlProps) {
  const { t } = useTranslation();
  const assignment = myAssignmentOf(event, viewerId);
  if (!assignment || event.deletedAt) return null;

  if (assignment.acknowledgedAt) {
    return (
      <Badge color="green" variant="light" data-testid="acknowledged" data-event-id={event.id}>
        {t('cabinetEvents.acknowledged')}
      </Badge>
    );
  }
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color="orange" variant="light" data-testid="not-acknowledged">
        {t('cabinetEvents.notAcknowledged')}
      </Badge>
      <Button
        size="compact-sm"
        loading={pending}
        onClick={() => onAcknowledge(event.id)}
        data-testid="acknowledge"
        data-event-id={event.id}
      >
        {t('cabinetEvents.acknowledge')}
      </Button>
    </Group>
  );
}
