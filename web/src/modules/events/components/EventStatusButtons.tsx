import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeProductionEventStatus } from '../hooks/useChangeProductionEventStatus';
import { useReadCurrentEvent } from '../hooks/useReadCurrentEvent';
import type { CrewConflict, ProductionEvent, ProductionEventStatus } from '../utils/productionEventTypes';
import { readBlockedBookings } from '../utils/readBlockedBookings';
import { readStaleEditConflict } from '../utils/readStaleEditConflict';
import { statusColor } from '../utils/statusColor';
import { BlockedBookingPrompt } from './BlockedBookingPrompt';

export type EventStatusButtonsProps = {
  event: Pick<ProductionEvent, 'id' | 'version' | 'allowedTransitions'>;
};

/** One button per status the event may move to next, as the server lists them. */
export function EventStatusButtons({ event }: EventStatusButtonsProps) {
  const { t } = useTranslation();
  const { changeStatus, loading } = useChangeProductionEventStatus();
  const readCurrentEvent = useReadCurrentEvent();
  const [pending, setPending] = useState<ProductionEventStatus | null>(null);
  const [blocked, setBlocked] = useState<{ status: ProductionEventStatus; conflicts: CrewConflict[] } | null>(null);

  if (event.allowedTransitions.length === 0) return null;

  async function change(status: ProductionEventStatus, overrideReason?: string) {
    setPending(status);
    try {
      await changeStatus(event.id, event.version, status, overrideReason);
      setBlocked(null);
      notifications.show({ color: 'green', message: t('events.statusChange.done', { status: t(`events.status.${status}`) }) });
    } catch (error) {
      const conflicts = readBlockedBookings(error);
      const stale = readStaleEditConflict(error);
      if (conflicts) setBlocked({ status, conflicts });
      else if (stale) {
        void readCurrentEvent(event.id).catch(() => undefined);
        notifications.show({
          color: 'orange',
          message: t('events.statusChange.stale', { names: stale.changedBy.join(', ') || t('events.someoneElse') }),
        });
      } else notifications.show({ color: 'red', message: t('events.statusChange.failed', { message: (error as Error).message }) });
    } finally {
      setPending(null);
    }
  }

  return (
    <Stack gap="xs">
      <Group gap="xs" role="group" aria-label={t('events.statusChange.label')} data-testid="event-status-buttons">
        <Text size="sm" c="dimmed">
          {t('events.statusChange.label')}
        </Text>
        {event.allowedTransitions.map((status) => (
          <Button
            key={status}
            size="xs"
            variant="light"
            color={statusColor(status)}
            loading={pending === status}
            disabled={loading && pending !== status}
            onClick={() => void change(status)}
            data-testid={`status-transition-${status}`}
          >
            {t(`events.statusAction.${status}`)}
          </Button>
        ))}
      </Group>
      {blocked && (
        <BlockedBookingPrompt
          conflicts={blocked.conflicts}
          loading={loading}
          onConfirm={(reason) => void change(blocked.status, reason)}
          onCancel={() => setBlocked(null)}
        />
      )}
    </Stack>
  );
}
