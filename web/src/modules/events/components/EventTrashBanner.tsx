import { Alert, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { useRestoreProductionEvent } from '../hooks/useRestoreProductionEvent';
import { formatInstant } from '../utils/formatInstant';
import type { CrewConflict, ProductionEvent } from '../utils/productionEventTypes';
import { readBlockedBookings } from '../utils/readBlockedBookings';
import { BlockedBookingPrompt } from './BlockedBookingPrompt';

export type EventTrashBannerProps = {
  event: Pick<ProductionEvent, 'id' | 'deletedAt' | 'deletedBy'>;
  canRestore: boolean;
};

/** Says the event is in the trash, by whom and since when, and restores it. */
export function EventTrashBanner({ event, canRestore }: EventTrashBannerProps) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useAppInfo();
  const { restoreProductionEvent, loading } = useRestoreProductionEvent();
  const [blocked, setBlocked] = useState<CrewConflict[] | null>(null);
  if (!event.deletedAt) return null;

  const when = formatInstant(String(event.deletedAt), i18n.language, timeZone);

  async function restore(overrideReason?: string) {
    try {
      await restoreProductionEvent(event.id, overrideReason);
      setBlocked(null);
      notifications.show({ color: 'green', message: t('events.trash.restored') });
    } catch (error) {
      const conflicts = readBlockedBookings(error);
      if (conflicts) setBlocked(conflicts);
      else notifications.show({ color: 'red', message: t('events.trash.restoreFailed', { message: (error as Error).message }) });
    }
  }

  return (
    <Stack gap="xs">
      <Alert color="gray" variant="filled" title={t('events.trash.title')} data-testid="event-trash-banner">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {event.deletedBy
              ? t('events.trash.deletedBy', { name: event.deletedBy.name, when })
              : t('events.trash.deleted', { when })}
          </Text>
          {canRestore && (
            <Button variant="white" color="dark" size="xs" loading={loading} onClick={() => void restore()} data-testid="event-restore">
              {t('events.trash.restore')}
            </Button>
          )}
        </Stack>
      </Alert>
      {blocked && (
        <BlockedBookingPrompt
          conflicts={blocked}
          loading={loading}
          onConfirm={(reason) => void restore(reason)}
          onCancel={() => setBlocked(null)}
        />
      )}
    </Stack>
  );
}
