import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorCode } from '../../../graphql/getErrorCode';
import { getFieldErrors } from '../../../graphql/getFieldErrors';
import { useAssignCrew } from '../hooks/useAssignCrew';
import { useEventPeople } from '../hooks/useEventPeople';
import { asDay } from '../utils/asDay';
import { formatDayRange } from '../utils/formatDayRange';
import type { CrewConflict, ProductionEvent } from '../utils/productionEventTypes';
import { readBlockedBookings } from '../utils/readBlockedBookings';
import { BlockedBookingPrompt } from './BlockedBookingPrompt';
import { EventLink } from './EventLink';
import { PersonOptionLabel } from './PersonOptionLabel';

export type AddCrewMemberFormProps = {
  event: Pick<ProductionEvent, 'id' | 'busyFrom' | 'busyTo' | 'crew'>;
  crewRoles: Array<{ id: string; name: string }>;
  /** Double bookings the new assignment caused (it was saved). */
  onConflicts: (conflicts: CrewConflict[]) => void;
};

type FieldErrors = { userId?: string; crewRoleId?: string };

/**
 * Puts a person on the crew: the picker marks who is already busy on the event's days and names
 * their other events before anyone is chosen. Under the BLOCK policy a double booking needs a reason.
 */
export function AddCrewMemberForm({ event, crewRoles, onConflicts }: AddCrewMemberFormProps) {
  const { t, i18n } = useTranslation();
  const people = useEventPeople(event);
  const { assignCrew, loading } = useAssignCrew();
  const [userId, setUserId] = useState<string | null>(null);
  const [crewRoleId, setCrewRoleId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [blocked, setBlocked] = useState<CrewConflict[] | null>(null);

  const byId = useMemo(() => new Map(people.options.map((person) => [person.id, person])), [people.options]);
  const personData = people.options.map((person) => ({
    value: person.id,
    label: person.name,
    disabled: person.onCrew,
  }));
  const chosen = userId ? byId.get(userId) : undefined;

  function reset() {
    setUserId(null);
    setCrewRoleId(null);
    setErrors({});
    setBlocked(null);
  }

  async function assign(overrideReason?: string) {
    const missing: FieldErrors = {};
    if (!userId) missing.userId = t('events.validation.required');
    if (!crewRoleId) missing.crewRoleId = t('events.validation.required');
    setErrors(missing);
    if (!userId || !crewRoleId) return;
    try {
      const result = await assignCrew(event.id, userId, crewRoleId, overrideReason);
      reset();
      onConflicts(result.conflicts);
      if (result.conflicts.length === 0) {
        notifications.show({ color: 'green', message: t('events.crew.added', { name: chosen?.name ?? '' }) });
      }
      void people.refetch();
    } catch (error) {
      const conflicts = readBlockedBookings(error);
      if (conflicts) {
        setBlocked(conflicts);
        return;
      }
      if (getErrorCode(error) === 'BAD_USER_INPUT') {
        const fields = getFieldErrors(error);
        setErrors({ userId: fields['userId'], crewRoleId: fields['crewRoleId'] });
        return;
      }
      notifications.show({ color: 'red', message: t('events.crew.addFailed', { message: (error as Error).message }) });
    }
  }

  function handleSubmit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    void assign();
  }

  return (
    <Stack gap="xs">
      <form onSubmit={handleSubmit} noValidate data-testid="crew-add-form" aria-label={t('events.crew.addTitle')}>
        <Group align="flex-start" gap="xs" wrap="wrap">
          <Select
            label={t('events.crew.person')}
            placeholder={t('events.crew.personPlaceholder')}
            data={personData}
            value={userId}
            onChange={(value) => {
              setUserId(value);
              setErrors((current) => ({ ...current, userId: undefined }));
              setBlocked(null);
            }}
            renderOption={({ option }) => {
              const person = byId.get(option.value);
              return person ? <PersonOptionLabel person={person} /> : option.label;
            }}
            onDropdownOpen={() => void people.refetch()}
            searchable
            nothingFoundMessage={t('events.edit.nothingFound')}
            maxDropdownHeight={320}
            error={errors.userId}
            miw={240}
            style={{ flex: 1 }}
            data-testid="crew-add-person"
          />
          <Select
            label={t('events.crew.role')}
            placeholder={t('events.crew.rolePlaceholder')}
            data={crewRoles.map((role) => ({ value: role.id, label: role.name }))}
            value={crewRoleId}
            onChange={(value) => {
              setCrewRoleId(value);
              setErrors((current) => ({ ...current, crewRoleId: undefined }));
            }}
            searchable
            error={errors.crewRoleId}
            miw={180}
            data-testid="crew-add-role"
          />
          <Button type="submit" mt={25} loading={loading && !blocked} disabled={Boolean(blocked)} data-testid="crew-add-submit">
            {t('events.crew.add')}
          </Button>
        </Group>
      </form>
      {chosen && chosen.busyWith.length > 0 && !blocked && (
        <Text size="sm" c="orange" data-testid="crew-add-busy-hint">
          {t('events.crew.chosenIsBusy', { name: chosen.name })}{' '}
          {chosen.busyWith.map((other, index) => (
            <span key={other.id}>
              {index > 0 && ', '}
              <EventLink eventId={other.id}>{other.title}</EventLink> (
              {formatDayRange(asDay(other.startDate), asDay(other.endDate), i18n.language)})
            </span>
          ))}
        </Text>
      )}
      {blocked && (
        <BlockedBookingPrompt
          conflicts={blocked}
          loading={loading}
          onConfirm={(reason) => void assign(reason)}
          onCancel={() => setBlocked(null)}
        />
      )}
    </Stack>
  );
}
