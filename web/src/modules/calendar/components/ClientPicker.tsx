import { Anchor, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientSelect } from './ClientSelect';
import { NewClientFields } from './NewClientFields';

export type ClientPickerProps = {
  value: string | null;
  onChange: (clientId: string | null) => void;
  /** The viewer may create clients (`client:manage`). */
  canCreate: boolean;
};

/** Choose an existing client by search, or create one inline. */
export function ClientPicker({ value, onChange, canCreate }: ClientPickerProps) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap={4}>
      <ClientSelect
        label={t('calendar.form.client')}
        placeholder={t('calendar.client.search')}
        value={value}
        onChange={onChange}
        disabled={creating}
        data-testid="create-event-client"
      />
      {canCreate && !creating && (
        <Anchor component="button" type="button" size="sm" onClick={() => setCreating(true)} data-testid="new-client">
          {t('calendar.client.new')}
        </Anchor>
      )}
      {creating && (
        <NewClientFields
          initialName=""
          onCancel={() => setCreating(false)}
          onCreated={(client) => {
            setCreating(false);
            onChange(client.id);
          }}
        />
      )}
    </Stack>
  );
}
