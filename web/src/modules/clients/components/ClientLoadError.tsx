import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getErrorCode } from '../../../graphql/getErrorCode';

export type ClientLoadErrorProps = {
  error: Error;
  onRetry: () => void;
};

/** The client could not be shown: it does not exist (link back to the list) or loading failed (retry). */
export function ClientLoadError({ error, onRetry }: ClientLoadErrorProps) {
  const { t } = useTranslation();
  const code = getErrorCode(error);
  const missing = code === 'NOT_FOUND' || code === 'BAD_USER_INPUT';
  return (
    <Stack align="flex-start" data-testid="client-page-error">
      <Alert color={missing ? 'gray' : 'red'} role="alert">
        {missing ? t('clients.page.notFound') : t('clients.page.loadFailed', { message: error.message })}
      </Alert>
      {missing ? (
        <Anchor component={Link} to="/clients">
          {t('clients.page.backToList')}
        </Anchor>
      ) : (
        <Button onClick={onRetry}>{t('app.retry')}</Button>
      )}
    </Stack>
  );
}
