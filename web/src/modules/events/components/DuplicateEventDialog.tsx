import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDatePickerAriaLabels } from '../hooks/useDatePickerAriaLabels';
import { useDuplicateProductionEvent } from '../hooks/useDuplicateProductionEvent';
import { addDays } from '../utils/addDays';
import { asDay } from '../utils/asDay';
import { daysBetween } from '../utils/daysBetween';
import { formatDayRange } from '../utils/formatDayRange';
import type { CrewConflict, ProductionEvent } from '../utils/productionEventTypes';
import { readBlockedBookings } from '../utils/readBlockedBookings';
import { BlockedBookingPrompt } from './BlockedBookingPrompt';

export type DuplicateEventDialogProps = {
  event: Pick<ProductionEvent, 'id' | 'title' | 'startDate' | 'endDate'>;
  opened: boolean;
  onClose: () => void;
};

/** Copies the event (same length, crew, client, venue) to a chosen first day and opens the copy. */
export function DuplicateEventDialog({ event, opened, onClose }: DuplicateEventDialogProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { duplicateProductionEvent, loading } = useDuplicateProductionEvent();
  const pickerLabels = useDatePickerAriaLabels();
  const startDate = asDay(event.startDate);
  const length = daysBetween(startDate, asDay(event.endDate));
  const [newStart, setNewStart] = useState<string | null>(addDays(startDate, 7));
  const [error, setError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<CrewConflict[] | null>(null);

  async function duplicate(overrideReason?: string) {
    if (!newStart) {
      setError(t('events.validation.required'));
      return;
    }
    try {
      const result = await duplicateProductionEvent(event.id, newStart, overrideReason);
      notifications.show({
        color: result.conflicts.length > 0 ? 'yellow' : 'green',
        message:
          result.conflicts.length > 0
            ? t('events.duplicate.doneWithConflicts', { count: result.conflicts.length })
            : t('events.duplicate.done'),
      });
      onClose();
      void navigate(`/events/${result.event.id}`);
    } catch (failure) {
      const conflicts = readBlockedBookings(failure);
      if (conflicts) setBlocked(conflicts);
      else setError(t('events.duplicate.failed', { message: (failure as Error).message }));
    }
  }

  function handleSubmit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    void duplicate();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('events.duplicate.title', { title: event.title })}>
      <Stack gap="sm">
        <form onSubmit={handleSubmit} noValidate data-testid="duplicate-form">
          <Stack gap="sm">
            <Text size="sm">{t('events.duplicate.body')}</Text>
            <DatePickerInput
              label={t('events.duplicate.startDate')}
              value={newStart}
              onChange={(value) => {
                setNewStart(value);
                setError(null);
                setBlocked(null);
              }}
              valueFormat="D MMM YYYY"
              ariaLabels={pickerLabels}
              error={error}
              required
              data-testid="duplicate-start-date"
            />
            {newStart && (
              <Text size="sm" c="dimmed" data-testid="duplicate-new-dates">
                {t('events.duplicate.newDates', {
                  days: formatDayRange(newStart, addDays(newStart, length), i18n.language),
                })}
              </Text>
            )}
            {!blocked && (
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={onClose}>
                  {t('events.cancel')}
                </Button>
                <Button type="submit" loading={loading} data-testid="duplicate-submit">
                  {t('events.duplicate.submit')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
        {blocked && (
          <BlockedBookingPrompt
            conflicts={blocked}
            loading={loading}
            onConfirm={(reason) => void duplicate(reason)}
            onCancel={() => setBlocked(null)}
          />
        )}
      </Stack>
    </Modal>
  );
}
