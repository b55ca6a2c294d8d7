import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getFieldErrors } from '../../../graphql/getFieldErrors';
import { useCreateProductionEvent } from '../hooks/useCreateProductionEvent';
import { usePeopleOptions } from '../hooks/usePeopleOptions';
import { useVenueOptions } from '../hooks/useVenueOptions';
import type { CalendarConflict, CalendarProductionEvent, CalendarRange, ProductionEventStatus } from '../utils/calendarTypes';
import { describeWriteRefusal } from '../utils/describeWriteRefusal';
import { formatDayRange } from '../utils/formatDayRange';
import { initialProductionEventStatuses } from '../utils/initialProductionEventStatuses';
import { ClientPicker } from './ClientPicker';

export type CreateProductionEventDialogProps = {
  opened: boolean;
  /** The days selected on the calendar (or today). */
  initialRange: CalendarRange | null;
  viewerId: string;
  canCreateClient: boolean;
  onClose: () => void;
  onCreated: (event: CalendarProductionEvent, conflicts: CalendarConflict[]) => void;
};

interface Draft {
  dates: DatesRangeValue<string>;
  title: string;
  clientId: string | null;
  venueId: string | null;
  managerId: string | null;
  status: ProductionEventStatus;
  prepDays: number;
  returnDays: number;
  overrideReason: string;
}

function emptyDraft(range: CalendarRange | null, viewerId: string): Draft {
  return {
    dates: [range?.from ?? null, range?.to ?? null],
    title: '',
    clientId: null,
    venueId: null,
    managerId: viewerId,
    status: 'DRAFT',
    prepDays: 0,
    returnDays: 0,
    overrideReason: '',
  };
}

/** A new event: days picked on a calendar widget, title, client (or a new one), venue, manager, status. */
export function CreateProductionEventDialog({
  opened,
  initialRange,
  viewerId,
  canCreateClient,
  onClose,
  onCreated,
}: CreateProductionEventDialogProps) {
  const { t, i18n } = useTranslation();
  const { createProductionEvent, loading } = useCreateProductionEvent();
  const { options: people } = usePeopleOptions();
  const { options: venues } = useVenueOptions(!opened);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(initialRange, viewerId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [blocked, setBlocked] = useState<CalendarConflict[]>([]);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    if (!opened) return;
    setDraft(emptyDraft(initialRange, viewerId));
    setErrors({});
    setBlocked([]);
    setFailure('');
  }, [opened, initialRange, viewerId]);

  const update = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));

  async function handleSubmit(formEvent: FormEvent) {
    formEvent.preventDefault();
    const [startDate, endDate] = draft.dates;
    const missing: Record<string, string> = {};
    if (!startDate) missing['dates'] = t('calendar.validation.dates');
    if (!draft.title.trim()) missing['title'] = t('calendar.validation.required');
    setErrors(missing);
    setFailure('');
    if (!startDate || Object.keys(missing).length > 0) return;
    try {
      const result = await createProductionEvent({
        title: draft.title.trim(),
        startDate,
        endDate: endDate ?? startDate,
        clientId: draft.clientId,
        venueId: draft.venueId,
        managerId: draft.managerId,
        status: draft.status,
        prepDays: draft.prepDays,
        returnDays: draft.returnDays,
        overrideReason: blocked.length > 0 ? draft.overrideReason.trim() || null : null,
      });
      if (result) onCreated(result.event, result.conflicts);
    } catch (error) {
      const refusal = describeWriteRefusal(error);
      if (refusal.kind === 'blocked') {
        setBlocked(refusal.conflicts);
        return;
      }
      const fields = getFieldErrors(error);
      setErrors({
        ...fields,
        ...(fields['startDate'] || fields['endDate'] ? { dates: fields['startDate'] ?? fields['endDate'] ?? '' } : {}),
      });
      if (Object.keys(fields).length === 0) setFailure(refusal.message);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('calendar.form.title')}
      size="lg"
      data-testid="create-event-dialog"
    >
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="sm">
          <DatePickerInput
            type="range"
            label={t('calendar.form.dates')}
            placeholder={t('calendar.form.datesPlaceholder')}
            value={draft.dates}
            onChange={(dates) => update({ dates: dates as DatesRangeValue<string> })}
            allowSingleDateInRange
            valueFormat="D MMMM YYYY"
            error={errors['dates']}
            required
            data-testid="create-event-dates"
            popoverProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('calendar.form.eventTitle')}
            value={draft.title}
            onChange={(event) => update({ title: event.currentTarget.value })}
            error={errors['title']}
            required
            data-autofocus
            data-testid="create-event-title"
          />
          <ClientPicker
            value={draft.clientId}
            onChange={(clientId) => update({ clientId })}
            canCreate={canCreateClient}
          />
          <Group grow align="flex-start">
            <Select
              label={t('calendar.form.venue')}
              data={venues}
              value={draft.venueId}
              onChange={(venueId) => update({ venueId })}
              searchable
              clearable
              error={errors['venueId']}
              data-testid="create-event-venue"
            />
            <Select
              label={t('calendar.form.manager')}
              data={people}
              value={draft.managerId}
              onChange={(managerId) => update({ managerId })}
              searchable
              clearable
              error={errors['managerId']}
              data-testid="create-event-manager"
            />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('calendar.form.status')}
            </Text>
            <SegmentedControl
              value={draft.status}
              onChange={(status) => update({ status: status as ProductionEventStatus })}
              data={initialProductionEventStatuses.map((status) => ({
                value: status,
                label: t(`calendar.status.${status}`),
              }))}
              aria-label={t('calendar.form.status')}
              data-testid="create-event-status"
            />
          </Stack>
          <Group grow>
            <NumberInput
              label={t('calendar.form.prepDays')}
              value={draft.prepDays}
              onChange={(value) => update({ prepDays: Number(value) || 0 })}
              min={0}
              max={30}
              allowDecimal={false}
              error={errors['prepDays']}
              data-testid="create-event-prep"
            />
            <NumberInput
              label={t('calendar.form.returnDays')}
              value={draft.returnDays}
              onChange={(value) => update({ returnDays: Number(value) || 0 })}
              min={0}
              max={30}
              allowDecimal={false}
              error={errors['returnDays']}
              data-testid="create-event-return"
            />
          </Group>
          {blocked.length > 0 && (
            <Alert color="orange" title={t('calendar.form.blockedTitle')} data-testid="create-event-blocked">
              <Stack gap={4}>
                {blocked.map((conflict) => (
                  <Text key={`${conflict.person.id}-${conflict.otherEvent.id}`} size="sm">
                    {t('calendar.conflict.line', {
                      person: conflict.person.name,
                      other: conflict.otherEvent.title,
                      days: formatDayRange(conflict.fromDate, conflict.toDate, i18n.language),
                    })}
                  </Text>
                ))}
                <TextInput
                  label={t('calendar.form.overrideReason')}
                  value={draft.overrideReason}
                  onChange={(event) => update({ overrideReason: event.currentTarget.value })}
                  data-testid="create-event-override"
                />
              </Stack>
            </Alert>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('calendar.cancel')}
            </Button>
            <Button type="submit" loading={loading} data-testid="create-event-submit">
              {t('calendar.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
