import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MeQuery } from '../modules/auth/graphql/meQuery';
import { AppInfoQuery } from '../modules/company/graphql/appInfoQuery';
import { AppInfoContext } from '../modules/company/utils/appInfoContext';
import { useInterfaceLanguage } from '../modules/language/hooks/useInterfaceLanguage';
import { AppRoutes } from './AppRoutes';

/**
 * Loads what every page needs first — the installation's public info and who is signed in —
 * and puts the interface in the right language before anything is shown.
 */
export function AppBootstrap() {
  const { t } = useTranslation();
  const appInfoResult = useQuery(AppInfoQuery);
  const meResult = useQuery(MeQuery);
  const appInfo = appInfoResult.data?.appInfo;
  const me = meResult.data?.me;

  useInterfaceLanguage(me?.language, appInfo?.defaultLanguage ?? 'en');

  const error = appInfoResult.error ?? meResult.error;
  if (error && (!appInfo || meResult.data === undefined)) {
    return (
      <Center mih="100dvh" p="md">
        <Stack align="center" maw={480}>
          <Alert color="red" role="alert">
            {t('app.loadFailed', { message: error.message })}
          </Alert>
          <Button
            onClick={() => {
              void appInfoResult.refetch();
              void meResult.refetch();
            }}
          >
            {t('app.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }
  if (!appInfo || meResult.data === undefined) {
    return (
      <Center mih="100dvh" aria-label={t('app.loading')}>
        <Loader />
      </Center>
    );
  }
  return (
    <AppInfoContext.Provider value={appInfo}>
      <AppRoutes />
    </AppInfoContext.Provider>
  );
}
