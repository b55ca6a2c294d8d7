import { Avatar, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PresentPerson } from '../hooks/useCrewSchedulePresence';
import { initialsOf } from '../utils/initialsOf';

export type PresenceAvatarsProps = {
  people: readonly PresentPerson[];
};

const shown = 5;

/** Who else has this page open, as initials; names on hover. */
export function PresenceAvatars({ people }: PresenceAvatarsProps) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  const names = people.map((entry) => entry.person.name).join(', ');

  return (
    <Tooltip.Group openDelay={150}>
      <Avatar.Group spacing="sm" aria-label={t('crewSchedule.presence', { names })} role="group" data-testid="crew-schedule-presence">
        {people.slice(0, shown).map((entry) => (
          <Tooltip key={entry.person.id} label={entry.person.name} withArrow>
            <Avatar size="sm" radius="xl" color="initials" name={entry.person.name} data-person-id={entry.person.id}>
              {initialsOf(entry.person.name)}
            </Avatar>
          </Tooltip>
        ))}
        {people.length > shown && (
          <Tooltip label={people.slice(shown).map((entry) => entry.person.name).join(', ')} withArrow>
            <Avatar size="sm" radius="xl">
              +{people.length - shown}
            </Avatar>
          </Tooltip>
        )}
      </Avatar.Group>
    </Tooltip.Group>
  );
}
