import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventEditor } from '../hooks/useEventEditor';
import { useDatePickerAriaLabels } from '../hooks/useDatePickerAriaLabels';
import { useEventClientOptions } from '../hooks/useEventClientOptions';
import { useEventPeople } from '../hooks/useEventPeople';
import { useEventVenueOptions } from '../hooks/useEventVenueOptions';
import type { EventFormValues, ProductionEvent } from '../utils/productionEventTypes';
import { maxPrepOrReturnDays } from '../utils/validateEventForm';
import { withCurrentOption } from '../utils/withCurrentOption';
import { BlockedBookingPrompt } from './BlockedBookingPrompt';
import { StaleEditAlert } from './StaleEditAlert';

export type EventEditFormProps = {
  event: ProductionEvent;
  editor: EventEditor;
  /** Values of the open form (the editor is open). */
  values: EventFormValues;
  cutoverHour: number;
};

/** Every field of the event, checked as typed and on save; saves only what changed. */
export function EventEditForm({ event, editor, values, cutoverHour }: EventEditFormProps) {
  const { t } = useTranslation();
  const { errors } = editor;
  const [clientSearch, setClientSearch] = useState('');
  const clients = useEventClientOptions(clientSearch, event.client);
  const venues = useEventVenueOptions(event.venue);
  const people = useEventPeople(event);
  const pickerLabels = useDatePickerAriaLabels();
  const personOptions = people.options.map((person) => ({ value: person.id, label: person.name }));
  const cutover = `${String(cutoverHour).padStart(2, '0')}:00`;
  const overnight = values.endTime !== '' && values.endTime < cutover;

  function handleSubmit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    void editor.save();
  }

  return (
    <Stack gap="sm">
      {editor.staleConflict && <StaleEditAlert conflict={editor.staleConflict} />}
      {!editor.staleConflict && editor.changedSinceOpened && (
        <Alert color="blue" data-testid="event-edit-changed-meanwhile">
          {t('events.edit.changedMeanwhile')}
        </Alert>
      )}
      {editor.formError && (
        <Alert color="red" role="alert" data-testid="event-edit-error">
          {editor.formError}
        </Alert>
      )}
      <form onSubmit={handleSubmit} noValidate data-testid="event-edit-form" aria-label={t('events.edit.title')}>
        <Stack gap="sm">
          <TextInput
            label={t('events.fields.title')}
            value={values.title}
            onChange={(change) => editor.setValue('title', change.currentTarget.value)}
            error={errors.title}
            required
            data-testid="event-edit-title"
          />
          <DatePickerInput
            type="range"
            allowSingleDateInRange
            label={t('events.fields.dates')}
            value={values.dates}
            onChange={(dates) => editor.setValue('dates', [dates[0], dates[1]])}
            valueFormat="D MMM YYYY"
            ariaLabels={pickerLabels}
            error={errors.dates}
            required
            data-testid="event-edit-dates"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TimeInput
              label={t('events.fields.startTime')}
              description={t('events.edit.timeOptional')}
              value={values.startTime}
              onChange={(change) => editor.setValue('startTime', change.currentTarget.value)}
              error={errors.startTime}
              data-testid="event-edit-start-time"
            />
            <TimeInput
              label={t('events.fields.endTime')}
              description={overnight ? t('events.edit.overnightHint', { cutover }) : t('events.edit.timeOptional')}
              value={values.endTime}
              onChange={(change) => editor.setValue('endTime', change.currentTarget.value)}
              error={errors.endTime}
              data-testid="event-edit-end-time"
            />
            <NumberInput
              label={t('events.fields.prepDays')}
              description={t('events.edit.prepDaysHint')}
              value={values.prepDays}
              onChange={(value) => editor.setValue('prepDays', value)}
              min={0}
              max={maxPrepOrReturnDays}
              allowDecimal={false}
              allowNegative={false}
              error={errors.prepDays}
              data-testid="event-edit-prep-days"
            />
            <NumberInput
              label={t('events.fields.returnDays')}
              description={t('events.edit.returnDaysHint')}
              value={values.returnDays}
              onChange={(value) => editor.setValue('returnDays', value)}
              min={0}
              max={maxPrepOrReturnDays}
              allowDecimal={false}
              allowNegative={false}
              error={errors.returnDays}
              data-testid="event-edit-return-days"
            />
            <Select
              label={t('events.fields.clientId')}
              data={clients.options}
              value={values.clientId}
              onChange={(value) => editor.setValue('clientId', value)}
              searchable
              clearable
              searchValue={clientSearch}
              onSearchChange={setClientSearch}
              nothingFoundMessage={t('events.edit.nothingFound')}
              error={errors.clientId}
              data-testid="event-edit-client"
            />
            <Select
              label={t('events.fields.venueId')}
              data={venues.options}
              value={values.venueId}
              onChange={(value) => editor.setValue('venueId', value)}
              searchable
              clearable
              nothingFoundMessage={t('events.edit.nothingFound')}
              error={errors.venueId}
              data-testid="event-edit-venue"
            />
            <Select
              label={t('events.fields.managerId')}
              data={withCurrentOption(personOptions, event.manager)}
              value={values.managerId}
              onChange={(value) => editor.setValue('managerId', value)}
              searchable
              clearable
              nothingFoundMessage={t('events.edit.nothingFound')}
              error={errors.managerId}
              data-testid="event-edit-manager"
            />
            <Select
              label={t('events.fields.seniorEngineerId')}
              data={withCurrentOption(personOptions, event.seniorEngineer)}
              value={values.seniorEngineerId}
              onChange={(value) => editor.setValue('seniorEngineerId', value)}
              searchable
              clearable
              nothingFoundMessage={t('events.edit.nothingFound')}
              error={errors.seniorEngineerId}
              data-testid="event-edit-senior-engineer"
            />
          </SimpleGrid>
          <Textarea
            label={t('events.fields.notes')}
            value={values.notes}
            onChange={(change) => editor.setValue('notes', change.currentTarget.value)}
            autosize
            minRows={2}
            error={errors.notes}
            data-testid="event-edit-notes"
          />
          <Textarea
            label={t('events.fields.problemNote')}
            description={t('events.edit.problemNoteHint')}
            value={values.problemNote}
            onChange={(change) => editor.setValue('problemNote', change.currentTarget.value)}
            autosize
            minRows={1}
            error={errors.problemNote}
            data-testid="event-edit-problem-note"
          />
          {!editor.blockedBookings && (
            <Group gap="xs">
              <Button type="submit" loading={editor.saving} data-testid="event-edit-save">
                {t('events.edit.save')}
              </Button>
              <Button variant="default" onClick={editor.close} data-testid="event-edit-cancel">
                {t('events.cancel')}
              </Button>
              {Object.values(errors).some(Boolean) && (
                <Text size="sm" c="red" role="status">
                  {t('events.edit.fixErrors')}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </form>
      {editor.blockedBookings && (
        <BlockedBookingPrompt
          conflicts={editor.blockedBookings}
          loading={editor.saving}
          onConfirm={(reason) => void editor.save(reason)}
          onCancel={editor.close}
        />
      )}
    </Stack>
  );
}
