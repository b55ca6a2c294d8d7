import { Avatar, Group, Indicator, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PresenceEntry } from '../utils/presenceTypes';

export type PresenceAvatarsProps = {
  /** Who else is here (from `usePresence`). */
  people: readonly PresenceEntry[];
  /** Test id of the group; each person's avatar is `<testId>-person` with `data-name` and `data-editing`. */
  testId?: string;
};

const shown = 6;

/** Who else has this page open (initials, names on hover), marked while they have an edit dialog open. */
export function PresenceAvatars({ people, testId = 'presence' }: PresenceAvatarsProps) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  const hidden = people.slice(shown);

  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-label={t('presence.label')} data-testid={testId}>
      <Text size="xs" c="dimmed" visibleFrom="sm">
        {t('presence.alsoHere')}
      </Text>
      <Tooltip.Group openDelay={150} closeDelay={100}>
        <Avatar.Group spacing="sm">
          {people.slice(0, shown).map(({ person, editing }) => (
            <Tooltip key={person.id} label={editing ? t('presence.editingName', { name: person.name }) : person.name} withArrow>
              <Indicator disabled={!editing} color="orange" size={10} offset={4} withBorder>
                <Avatar
                  name={person.name}
                  color="initials"
                  radius="xl"
                  size="md"
                  aria-label={editing ? t('presence.editingName', { name: person.name }) : person.name}
                  data-testid={`${testId}-person`}
                  data-person-id={person.id}
                  data-name={person.name}
                  data-editing={editing}
                />
              </Indicator>
            </Tooltip>
          ))}
          {hidden.length > 0 && (
            <Tooltip label={hidden.map((entry) => entry.person.name).join(', ')} withArrow>
              <Avatar radius="xl" size="md">
                +{hidden.length}
              </Avatar>
            </Tooltip>
          )}
        </Avatar.Group>
      </Tooltip.Group>
    </Group>
  );
}
