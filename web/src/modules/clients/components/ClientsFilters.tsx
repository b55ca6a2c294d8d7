import { Button, Chip, Group, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clientStates, type ClientSearch, type ClientState } from '../utils/clientTypes';

export type ClientsFiltersProps = {
  search: ClientSearch;
  onChange: (changes: Partial<ClientSearch>, options?: { replace?: boolean }) => void;
};

/** Search box, state chips and the archive switch of the clients list. */
export function ClientsFilters({ search, onChange }: ClientsFiltersProps) {
  const { t } = useTranslation();
  // Typed text goes to the URL after a pause, not on every key stroke.
  const [text, setText] = useState(search.text);
  const commitText = useDebouncedCallback((value: string) => onChange({ text: value.trim() }, { replace: true }), 350);
  // Follow the URL when it changes from outside (back button, "clear").
  useEffect(() => setText(search.text), [search.text]);

  const filtered = Boolean(search.text || search.states.length > 0 || search.archived);

  return (
    <Group align="flex-end" gap="md" wrap="wrap" data-testid="clients-filters">
      <TextInput
        type="search"
        label={t('clients.search')}
        placeholder={t('clients.searchPlaceholder')}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          commitText(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commitText.flush();
        }}
        w={300}
        data-testid="clients-search"
      />
      <Chip.Group multiple value={search.states} onChange={(states) => onChange({ states: states as ClientState[] })}>
        <Group gap={6} role="group" aria-label={t('clients.statesFilter')}>
          {clientStates.map((state) => (
            <Chip key={state} value={state} size="sm" data-testid={`clients-state-${state}`}>
              {t(`clients.state.${state}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Switch
        label={t('clients.archivedFilter')}
        checked={search.archived}
        onChange={(event) => onChange({ archived: event.currentTarget.checked })}
        data-testid="clients-archived"
      />
      {filtered && (
        <Button variant="subtle" size="compact-sm" onClick={() => onChange({ text: '', states: [], archived: false })}>
          {t('clients.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
