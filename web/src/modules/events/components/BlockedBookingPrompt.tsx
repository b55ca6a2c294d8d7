import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrewConflict } from '../utils/productionEventTypes';
import { CrewConflictText } from './CrewConflictText';

export type BlockedBookingPromptProps = {
  conflicts: CrewConflict[];
  loading?: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

/**
 * A change refused under the BLOCK policy because it double-books people: names them and their
 * other events, and offers to go ahead anyway with a reason (journaled by the server).
 */
export function BlockedBookingPrompt({ conflicts, loading, onConfirm, onCancel }: BlockedBookingPromptProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('events.blocked.reasonRequired'));
      return;
    }
    onConfirm(reason.trim());
  }

  return (
    <Alert color="red" title={t('events.blocked.title')} role="alert" data-testid="blocked-booking">
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="xs">
          <Text size="sm">{t('events.blocked.body')}</Text>
          {conflicts.map((conflict) => (
            <CrewConflictText key={`${conflict.person.id}:${conflict.otherEvent.id}`} conflict={conflict} />
          ))}
          <TextInput
            label={t('events.blocked.reason')}
            value={reason}
            onChange={(change) => {
              setReason(change.currentTarget.value);
              setError(null);
            }}
            error={error}
            required
            data-testid="blocked-booking-reason"
          />
          <Group gap="xs">
            <Button type="submit" color="red" loading={loading} data-testid="blocked-booking-confirm">
              {t('events.blocked.confirm')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('events.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Alert>
  );
}
