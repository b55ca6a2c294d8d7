import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFieldErrors } from '../../../graphql/getFieldErrors';
import type { Account } from '../utils/staffTypes';

export type ResetPasswordDialogProps = {
  account: Account | null;
  /** Resets to `password`, or to a generated one-time password when null. */
  onReset: (account: Account, password: string | null) => Promise<void>;
  onClose: () => void;
};

/** Resets an account's password: generate a one-time one, or set the one typed. Ends its sessions. */
export function ResetPasswordDialog({ account, onReset, onClose }: ResetPasswordDialogProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPassword('');
    setError('');
  }, [account?.id]);

  async function reset(chosen: string | null) {
    if (!account) return;
    setBusy(true);
    setError('');
    try {
      await onReset(account, chosen);
    } catch (failure) {
      setError(getFieldErrors(failure).password ?? (failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={account !== null} onClose={onClose} title={t('staff.reset.title')}>
      {account && (
        <Stack gap="sm">
          <Text size="sm">{t('staff.reset.body', { name: account.name })}</Text>
          <Button onClick={() => void reset(null)} loading={busy} data-testid="reset-generate">
            {t('staff.reset.generate')}
          </Button>
          <PasswordInput label={t('staff.reset.choose')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="reset-password-input" />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group gap="xs">
            <Button variant="light" disabled={!password} loading={busy} onClick={() => void reset(password)} data-testid="reset-set">
              {t('staff.reset.set')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('staff.form.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
