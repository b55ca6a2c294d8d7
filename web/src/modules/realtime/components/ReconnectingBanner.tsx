import { Alert, Button, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDatabaseAvailable } from '../hooks/useDatabaseAvailable';
import { useRealtimeStatus } from '../hooks/useRealtimeStatus';

export type ReconnectingBannerProps = {
  className?: string;
};

/** Shown while live updates are interrupted or the server has lost its database; hidden otherwise. */
export function ReconnectingBanner({ className }: ReconnectingBannerProps) {
  const { t } = useTranslation();
  const status = useRealtimeStatus();
  const databaseAvailable = useDatabaseAvailable();

  if (status === 'reconnecting') {
    return (
      <Alert
        className={className}
        color="yellow"
        variant="filled"
        mb="md"
        icon={<Loader size="xs" color="white" />}
        data-testid="reconnecting-banner"
        role="status"
      >
        {t('realtime.reconnecting')}
      </Alert>
    );
  }
  if (status === 'failed') {
    return (
      <Alert className={className} color="red" variant="filled" mb="md" role="alert">
        {t('realtime.failed')}{' '}
        <Button size="compact-xs" variant="white" color="red" onClick={() => window.location.reload()}>
          {t('realtime.reload')}
        </Button>
      </Alert>
    );
  }
  if (!databaseAvailable) {
    return (
      <Alert className={className} color="orange" variant="filled" mb="md" data-testid="database-unavailable-banner" role="status">
        {t('realtime.databaseUnavailable')}
      </Alert>
    );
  }
  return null;
}
