import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useAcknowledgeAssignment } from '../hooks/useAcknowledgeAssignment';
import type { CrewMember } from '../utils/productionEventTypes';

export type AcknowledgeAssignmentBannerProps = {
  eventId: string;
  /** The viewer's own place on the crew, not yet acknowledged. */
  member: CrewMember;
};

/** Asks a crew member to confirm they have seen their latest change on this event. */
export function AcknowledgeAssignmentBanner({ eventId, member }: AcknowledgeAssignmentBannerProps) {
  const { t } = useTranslation();
  const { acknowledgeAssignment, loading } = useAcknowledgeAssignment();

  async function acknowledge() {
    try {
      await acknowledgeAssignment(eventId);
      notifications.show({ color: 'green', message: t('events.acknowledge.done') });
    } catch (error) {
      notifications.show({ color: 'red', message: t('events.acknowledge.failed', { message: (error as Error).message }) });
    }
  }

  return (
    <Alert color="blue" data-testid="event-acknowledge-banner">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('events.acknowledge.prompt', { role: member.crewRole.name })}</Text>
        <Button size="xs" loading={loading} onClick={() => void acknowledge()} data-testid="event-acknowledge">
          {t('events.acknowledge.button')}
        </Button>
      </Group>
    </Alert>
  );
}
