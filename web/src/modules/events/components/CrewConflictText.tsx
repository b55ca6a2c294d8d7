import { Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { asDay } from '../utils/asDay';
import { formatDayRange } from '../utils/formatDayRange';
import type { CrewConflict } from '../utils/productionEventTypes';
import { EventLink } from './EventLink';

export type CrewConflictTextProps = {
  conflict: CrewConflict;
};

/** "Ivan Petrov is also on <Other show> on 12 Jun 2026", the other event linked. */
export function CrewConflictText({ conflict }: CrewConflictTextProps) {
  const { i18n } = useTranslation();
  const days = formatDayRange(asDay(conflict.fromDate), asDay(conflict.toDate), i18n.language);
  return (
    <Text size="sm" data-testid="crew-conflict" data-person-id={conflict.person.id}>
      <Trans
        i18nKey="events.conflict.alsoOn"
        values={{ person: conflict.person.name, event: conflict.otherEvent.title, days }}
        components={{
          person: <Text span fw={600} />,
          event: <EventLink eventId={conflict.otherEvent.id}>{conflict.otherEvent.title}</EventLink>,
        }}
      />
    </Text>
  );
}
