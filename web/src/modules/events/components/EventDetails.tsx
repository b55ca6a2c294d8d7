import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductionEvent } from '../utils/productionEventTypes';
import { EventFact } from './EventFact';
import { EventSchedule } from './EventSchedule';

export type EventDetailsProps = {
  event: ProductionEvent;
};

/** The event's fields as read (the edit form replaces this while open). */
export function EventDetails({ event }: EventDetailsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="event-details">
      <EventSchedule event={event} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <EventFact label={t('events.fields.clientId')} testId="event-client">
          {event.client?.name}
        </EventFact>
        <EventFact label={t('events.fields.venueId')} testId="event-venue">
          {event.venue ? [event.venue.name, event.venue.address].filter(Boolean).join(', ') : null}
        </EventFact>
        <EventFact label={t('events.fields.managerId')} testId="event-manager">
          {event.manager?.name}
        </EventFact>
        <EventFact label={t('events.fields.seniorEngineerId')} testId="event-senior-engineer">
          {event.seniorEngineer?.name}
        </EventFact>
      </SimpleGrid>
      <EventFact label={t('events.fields.notes')} testId="event-notes">
        {event.notes}
      </EventFact>
    </Stack>
  );
}
