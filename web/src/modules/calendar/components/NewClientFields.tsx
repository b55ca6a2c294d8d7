import { Alert, Button, Group, Paper, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFieldErrors } from '../../../graphql/getFieldErrors';
import { useCreateClient, type NewClient } from '../hooks/useCreateClient';
import { describeWriteRefusal } from '../utils/describeWriteRefusal';

export type NewClientFieldsProps = {
  initialName: string;
  onCreated: (client: { id: string; name: string }) => void;
  onCancel: () => void;
};

/** Creates a client right inside the event dialog: name, phone, company or person. */
export function NewClientFields({ initialName, onCreated, onCancel }: NewClientFieldsProps) {
  const { t } = useTranslation();
  const { createClient, loading } = useCreateClient();
  const [client, setClient] = useState<NewClient>({ name: initialName, phone: '', kind: 'COMPANY' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');

  async function handleCreate() {
    const missing: Record<string, string> = {};
    if (!client.name.trim()) missing['name'] = t('calendar.validation.required');
    if (!client.phone.trim()) missing['phone'] = t('calendar.validation.required');
    setErrors(missing);
    setFailure('');
    if (Object.keys(missing).length > 0) return;
    try {
      const created = await createClient(client);
      if (created) onCreated({ id: created.id, name: created.name });
    } catch (error) {
      const fields = getFieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(describeWriteRefusal(error).message);
    }
  }

  return (
    <Paper withBorder p="sm" radius="sm" data-testid="new-client-fields">
      <Stack gap="xs">
        <SegmentedControl
          size="xs"
          value={client.kind}
          onChange={(kind) => setClient({ ...client, kind: kind as NewClient['kind'] })}
          data={[
            { value: 'COMPANY', label: t('calendar.client.company') },
            { value: 'PERSON', label: t('calendar.client.person') },
          ]}
          aria-label={t('calendar.client.kind')}
        />
        <TextInput
          label={t('calendar.client.name')}
          value={client.name}
          onChange={(event) => setClient({ ...client, name: event.currentTarget.value })}
          error={errors['name']}
          required
          data-testid="new-client-name"
        />
        <TextInput
          label={t('calendar.client.phone')}
          type="tel"
          value={client.phone}
          onChange={(event) => setClient({ ...client, phone: event.currentTarget.value })}
          error={errors['phone']}
          required
          data-testid="new-client-phone"
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="subtle" size="xs" onClick={onCancel}>
            {t('calendar.cancel')}
          </Button>
          <Button size="xs" loading={loading} onClick={() => void handleCreate()} data-testid="new-client-save">
            {t('calendar.client.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
