import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type OneTimePasswordModalProps = {
  /** Whose password it is and the password; null when closed. */
  shown: { name: string; email: string; password: string } | null;
  onClose: () => void;
};

/** Shows a generated password once, to hand over to its owner. */
export function OneTimePasswordModal({ shown, onClose }: OneTimePasswordModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={shown !== null} onClose={onClose} title={t('staff.password.title')}>
      {shown && (
        <Stack gap="sm">
          <Text>{t('staff.password.body', { name: shown.name, email: shown.email })}</Text>
          <Group gap="xs">
            <Code fz="lg" data-testid="one-time-password">
              {shown.password}
            </Code>
            <CopyButton value={shown.password}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('staff.password.copied') : t('staff.password.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow">{t('staff.password.once')}</Alert>
          <Button onClick={onClose} data-testid="one-time-password-close">
            {t('staff.password.done')}
          </Button>
        </Stack>
      )}
    </Modal>
  );
}
