import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getErrorCode } from '../../../graphql/getErrorCode';

export type EventLoadErrorProps = {
  error: Error;
  onRetry: () => void;
};

/** The event could not be shown: it does not exist (link back to the calendar) or loading failed (retry). */
export function EventLoadError({ error, onRetry }: EventLoadErrorProps) {
  const { t } = useTranslation();
  const code = getErrorCode(error);
  const missing = code === 'NOT_FOUND' || code === 'BAD_USER_INPUT';
  return (
    <Stack align="flex-start" data-testid="event-page-error">
      <Alert color={missing ? 'gray' : 'red'} role="alert">
        {missing ? t('events.notFound') : t('events.loadFailed', { message: error.message })}
      </Alert>
      {missing ? (
        <Anchor component={Link} to="/calendar">
          {t('events.backToCalendar')}
        </Anchor>
      ) : (
        <Button onClick={onRetry}>{t('app.retry')}</Button>
      )}
    </Stack>
  );
}
