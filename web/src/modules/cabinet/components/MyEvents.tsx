import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MyEvent } from '../utils/cabinetEventTypes';
import { MyEventCard } from './MyEventCard';

export type MyEventsProps = {
  events: readonly MyEvent[] | undefined;
  loading: boolean;
  error: Error | undefined;
  viewerId: string;
  horizonDays: number;
  acknowledgingEventId: string | null;
  onAcknowledge: (eventId: string) => void;
  onRetry: () => void;
};

/** "My events": every upcoming event I am on, soonest first. */
export function MyEvents({
  events,
  loading,
  error,
  viewerId,
  horizonDays,
  acknowledgingEventId,
  onAcknowledge,
  onRetry,
}: MyEventsProps) {
  const { t } = useTranslation();

  return (
    <Stack gap="sm" component="section" aria-labelledby="my-events-title" data-testid="my-events">
      <Title order={3} id="my-events-title">
        {t('cabinetEvents.myEvents.title')}
      </Title>
      {error && (
        <Alert color="red" role="alert">
          {t('cabinetEvents.myEvents.loadFailed', { message: error.message })}{' '}
          <Button size="compact-xs" variant="white" color="red" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      {!events && loading && <Loader size="sm" aria-label={t('cabinetEvents.myEvents.loading')} />}
      {events && events.length === 0 && (
        <Text c="dimmed" data-testid="my-events-empty">
          {t('cabinetEvents.myEvents.empty', { count: horizonDays })}
        </Text>
      )}
      {events && events.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {events.map((event) => (
            <MyEventCard
              key={event.id}
              event={event}
              viewerId={viewerId}
              acknowledging={acknowledgingEventId === event.id}
              onAcknowledge={onAcknowledge}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
