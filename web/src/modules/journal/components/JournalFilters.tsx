import { useQuery } from '@apollo/client/react';
import { Autocomplete, Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JournalActorsQuery } from '../graphql/journalActorsQuery';
import type { JournalSearch } from '../utils/journalTypes';

export type JournalFiltersProps = {
  search: JournalSearch;
  onChange: (changes: Partial<JournalSearch>, options?: { replace?: boolean }) => void;
};

// Suggestions only; any value may be typed.
const knownActions = ['auth.login', 'auth.login_failed', 'auth.forbidden', 'auth.logout', 'user.create', 'user.update', 'role.update', 'settings.update', 'production_event.create'];
const knownObjectTypes = ['ProductionEvent', 'Client', 'User', 'Role', 'CrewRole', 'CompanySettings', 'Session', 'Login', 'Operation'];

/** Person, action, object type, object and period filters of the journal. */
export function JournalFilters({ search, onChange }: JournalFiltersProps) {
  const { t } = useTranslation();
  // Typed text goes to the URL after a pause, not on every key stroke.
  const [action, setAction] = useState(search.action);
  const [objectType, setObjectType] = useState(search.objectType);
  const [objectId, setObjectId] = useState(search.objectId);
  const actors = useQuery(JournalActorsQuery, { fetchPolicy: 'cache-and-network' });
  const commitText = useDebouncedCallback(
    (changes: Partial<JournalSearch>) => onChange(changes, { replace: true }),
    400,
  );

  // Follow the URL when it changes from outside (back button, "clear").
  useEffect(() => setAction(search.action), [search.action]);
  useEffect(() => setObjectType(search.objectType), [search.objectType]);
  useEffect(() => setObjectId(search.objectId), [search.objectId]);

  const filtered = Boolean(search.actorId || search.action || search.objectType || search.objectId || search.from || search.to);

  return (
    <Group align="flex-end" gap="sm" data-testid="journal-filters">
      <Select
        label={t('journal.filter.person')}
        placeholder={t('journal.filter.anyone')}
        data={(actors.data?.journalActors ?? []).map((actor) => ({ value: actor.id, label: actor.name }))}
        value={search.actorId || null}
        onChange={(value) => onChange({ actorId: value ?? '' })}
        searchable
        clearable
        w={200}
        data-testid="journal-filter-person"
      />
      <Autocomplete
        label={t('journal.filter.action')}
        placeholder={t('journal.filter.any')}
        data={knownActions}
        value={action}
        onChange={(value) => {
          setAction(value);
          commitText({ action: value.trim() });
        }}
        w={200}
        data-testid="journal-filter-action"
      />
      <Autocomplete
        label={t('journal.filter.objectType')}
        placeholder={t('journal.filter.any')}
        data={knownObjectTypes}
        value={objectType}
        onChange={(value) => {
          setObjectType(value);
          commitText({ objectType: value.trim() });
        }}
        w={170}
        data-testid="journal-filter-object-type"
      />
      <TextInput
        label={t('journal.filter.object')}
        placeholder={t('journal.filter.any')}
        value={objectId}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setObjectId(value);
          commitText({ objectId: value.trim() });
        }}
        w={200}
        data-testid="journal-filter-object"
      />
      <TextInput
        type="date"
        label={t('journal.filter.from')}
        value={search.from}
        max={search.to || undefined}
        onChange={(event) => onChange({ from: event.currentTarget.value })}
        w={160}
        data-testid="journal-filter-from"
      />
      <TextInput
        type="date"
        label={t('journal.filter.to')}
        value={search.to}
        min={search.from || undefined}
        onChange={(event) => onChange({ to: event.currentTarget.value })}
        w={160}
        data-testid="journal-filter-to"
      />
      {filtered && (
        <Button
          variant="subtle"
          onClick={() => {
            commitText.cancel();
            onChange({ actorId: '', action: '', objectType: '', objectId: '', from: '', to: '' });
          }}
        >
          {t('journal.filter.clear')}
        </Button>
      )}
    </Group>
  );
}
