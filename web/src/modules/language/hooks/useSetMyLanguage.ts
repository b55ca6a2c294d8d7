import { useMutation } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { SetMyLanguageMutation } from '../graphql/setMyLanguageMutation';

/**
 * Saves the viewer's interface language. The answer updates the cached viewer, and
 * `useInterfaceLanguage` switches the interface from there.
 */
export function useSetMyLanguage() {
  const { t } = useTranslation();
  const [mutate, { loading }] = useMutation(SetMyLanguageMutation);

  async function setMyLanguage(language: string): Promise<boolean> {
    try {
      await mutate({ variables: { language } });
      return true;
    } catch (error) {
      notifications.show({
        color: 'red',
        message: t('language.saveFailed', { message: (error as Error).message }),
      });
      return false;
    }
  }

  return { setMyLanguage, loading };
}
