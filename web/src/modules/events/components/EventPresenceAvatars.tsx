import { Avatar, Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PresenceEntry } from '../utils/productionEventTypes';

export type EventPresenceAvatarsProps = {
  people: PresenceEntry[];
};

/** Who else has this event open, and who of them is editing it. */
export function EventPresenceAvatars({ people }: EventPresenceAvatarsProps) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <Group gap="xs" role="group" aria-label={t('events.presence.label')} data-testid="event-presence">
      <Text size="sm" c="dimmed">
        {t('events.presence.alsoHere')}
      </Text>
      {people.map(({ person, editing }) => (
        <Group
          key={person.id}
          gap={4}
          wrap="nowrap"
          data-testid="event-presence-person"
          data-name={person.name}
          data-editing={editing}
        >
          <Tooltip label={editing ? t('events.presence.editingName', { name: person.name }) : person.name}>
            <Avatar name={person.name} color="initials" size="sm" alt={person.name} />
          </Tooltip>
          {editing && (
            <Badge size="xs" color="orange" variant="light" data-testid="event-presence-editing">
              {t('events.presence.editing')}
            </Badge>
          )}
        </Group>
      ))}
    </Group>
  );
}
