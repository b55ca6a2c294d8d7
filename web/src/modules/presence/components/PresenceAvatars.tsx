import { Avatar, Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PresenceEntry } from '../utils/presenceTypes';

export type PresenceAvatarsProps = {
  /** Who else is here (from `usePresence`). */
  people: readonly PresenceEntry[];
  /** Test id of the group; each person is `<testId>-person`, an editing badge `<testId>-editing`. */
  testId?: string;
};

const shown = 5;

/** Who else has this page open, as avatars with names on hover, and who of them is editing. */
export function PresenceAvatars({ people, testId = 'presence' }: PresenceAvatarsProps) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  const hidden = people.slice(shown);

  return (
    <Group gap="xs" role="group" aria-label={t('presence.label')} data-testid={testId}>
      <Text size="sm" c="dimmed">
        {t('presence.alsoHere')}
      </Text>
      {people.slice(0, shown).map(({ person, editing }) => (
        <Group key={person.id} gap={4} wrap="nowrap" data-testid={`${testId}-person`} data-person-id={person.id} data-name={person.name} data-editing={editing}>
          <Tooltip label={editing ? t('presence.editingName', { name: person.name }) : person.name} withArrow>
            <Avatar name={person.name} color="initials" size="sm" alt={person.name} />
          </Tooltip>
          {editing && (
            <Badge size="xs" color="orange" variant="light" data-testid={`${testId}-editing`}>
              {t('presence.editing')}
            </Badge>
          )}
        </Group>
      ))}
      {hidden.length > 0 && (
        <Tooltip label={hidden.map((entry) => entry.person.name).join(', ')} withArrow>
          <Avatar size="sm">+{hidden.length}</Avatar>
        </Tooltip>
      )}
    </Group>
  );
}
