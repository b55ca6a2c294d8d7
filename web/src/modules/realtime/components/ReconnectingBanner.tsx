import { Alert, Button, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRealtimeStatus } from '../hooks/useRealtimeStatus';

export type ReconnectingBannerProps = {
  className?: string;
};

/** Shown while live updates are interrupted; hidden otherwise. */
export function ReconnectingBanner({ className }: ReconnectingBannerProps) {
  const { t } = useTranslation();
  const status = useRealtimeStatus();

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
  return null;
}
