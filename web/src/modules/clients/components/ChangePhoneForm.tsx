import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeClientPhone } from '../hooks/useChangeClientPhone';
import type { Client } from '../utils/clientTypes';
import { formatPhone } from '../utils/formatPhone';
import { readClientRefusal } from '../utils/readClientRefusal';
import { DuplicatePhoneAlert } from './DuplicatePhoneAlert';

export type ChangePhoneFormProps = {
  client: Client;
  onClose: (changed: boolean) => void;
};

/** Changing the identifying phone, on purpose and apart from the ordinary edit; a taken phone names its client. */
export function ChangePhoneForm({ client, onClose }: ChangePhoneFormProps) {
  const { t } = useTranslation();
  const { changeClientPhone, loading } = useChangeClientPhone();
  const [phone, setPhone] = useState(formatPhone(client.phone));
  const [error, setError] = useState('');
  const [existingClient, setExistingClient] = useState<{ id: string; name: string } | null>(null);
  const [failure, setFailure] = useState('');

  async function handleSubmit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    setExistingClient(null);
    setFailure('');
    if (!phone.trim()) {
      setError(t('clients.form.required'));
      return;
    }
    setError('');
    try {
      await changeClientPhone(client.id, phone);
      onClose(true);
    } catch (caught) {
      const refusal = readClientRefusal(caught);
      setExistingClient(refusal.existingClient);
      if (refusal.existingClient) setError(t('clients.form.duplicatePhone', { name: refusal.existingClient.name }));
      else if (refusal.fields['phone']) setError(refusal.fields['phone']);
      else setFailure(refusal.message);
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="client-phone-form">
      <Stack gap="sm">
        <TextInput
          type="tel"
          label={t('clients.page.newPhone')}
          description={t('clients.form.phoneHint')}
          value={phone}
          onChange={(event) => {
            setPhone(event.currentTarget.value);
            setExistingClient(null);
          }}
          error={error || undefined}
          required
          data-autofocus
          data-testid="client-phone-input"
        />
        {existingClient && <DuplicatePhoneAlert existingClient={existingClient} onFollow={() => onClose(false)} />}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={loading} data-testid="client-phone-save">
            {t('clients.page.savePhone')}
          </Button>
          <Button variant="default" onClick={() => onClose(false)}>
            {t('clients.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
