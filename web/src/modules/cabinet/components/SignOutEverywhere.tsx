import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useLogoutEverywhere } from '../hooks/useLogoutEverywhere';

/** "Sign out everywhere", behind a confirmation. */
export function SignOutEverywhere() {
  const { t } = useTranslation();
  const [confirming, { open, close }] = useDisclosure(false);
  const { logoutEverywhere, loading } = useLogoutEverywhere();

  async function handleConfirm() {
    try {
      const count = await logoutEverywhere();
      notifications.show({ message: t('cabinet.sessions.done', { count }) });
    } catch (error) {
      close();
      notifications.show({
        color: 'red',
        message: t('cabinet.sessions.failed', { message: (error as Error).message }),
      });
    }
  }

  return (
    <Stack gap="xs">
      <Title order={3}>{t('cabinet.sessions.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('cabinet.sessions.hint')}
      </Text>
      <Button
        color="red"
        variant="light"
        onClick={open}
        style={{ alignSelf: 'flex-start' }}
        data-testid="sign-out-everywhere"
      >
        {t('cabinet.sessions.signOutEverywhere')}
      </Button>
      <Modal opened={confirming} onClose={close} title={t('cabinet.sessions.confirmTitle')} centered>
        <Stack>
          <Text>{t('cabinet.sessions.confirmBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cabinet.sessions.cancel')}
            </Button>
            <Button
              color="red"
              loading={loading}
              onClick={() => void handleConfirm()}
              data-testid="sign-out-everywhere-confirm"
            >
              {t('cabinet.sessions.signOutEverywhere')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
