import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asDay } from '../utils/asDay';
import { formatDayRange } from '../utils/formatDayRange';
import type { PersonOption } from '../utils/productionEventTypes';

export type PersonOptionLabelProps = {
  person: PersonOption;
};

/** A person in the crew picker: marked busy with their other events named, or already on the crew. */
export function PersonOptionLabel({ person }: PersonOptionLabelProps) {
  const { t, i18n } = useTranslation();
  const busy = person.busyWith.length > 0;
  return (
    <Stack gap={0} data-testid="crew-person-option" data-person-id={person.id} data-busy={busy}>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm">{person.name}</Text>
        {person.onCrew && (
          <Badge size="xs" color="gray" variant="light">
            {t('events.crew.alreadyOnCrew')}
          </Badge>
        )}
        {busy && !person.onCrew && (
          <Badge size="xs" color="orange" variant="light">
            {t('events.crew.busy')}
          </Badge>
        )}
      </Group>
      {busy &&
        !person.onCrew &&
        person.busyWith.map((other) => (
          <Text key={other.id} size="xs" c="dimmed">
            {t('events.crew.busyWith', {
              event: other.title,
              days: formatDayRange(asDay(other.startDate), asDay(other.endDate), i18n.language),
            })}
          </Text>
        ))}
    </Stack>
  );
}
