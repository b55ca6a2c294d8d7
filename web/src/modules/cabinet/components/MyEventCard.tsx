import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDayRange } from '../../crew-schedule/utils/formatDayRange';
import { statusColor } from '../../events/utils/statusColor';
import type { MyEvent } from '../utils/cabinetEventTypes';
import { myRolesOn } from '../utils/myRolesOn';
import { AcknowledgementControl } from './AcknowledgementControl';
import { MyRoles } from './MyRoles';

export type MyEventCardProps = {
  event: MyEvent;
  viewerId: string;
  acknowledging: boolean;
  onAcknowledge: (eventId: string) => void;
};

/** One of my events: what, when, where, as what, and whether I have acknowledged its latest change. */
export function MyEventCard({ event, viewerId, acknowledging, onAcknowledge }: MyEventCardProps) {
  const { t, i18n } = useTranslation();
  const times = [event.startTime, event.endTime].filter(Boolean).join('–');

  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="my-event" data-event-id={event.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/events/${event.id}`} fw={600} data-testid="my-event-link">
            {event.title}
          </Anchor>
          <Badge color={statusColor(event.status)} variant="light" style={{ flexShrink: 0 }}>
            {t(`cabinetEvents.status.${event.status}`)}
          </Badge>
        </Group>
        <Text size="sm" data-testid="my-event-dates">
          {formatDayRange(event.startDate, event.endDate, i18n.language)}
          {times && ` · ${times}`}
        </Text>
        {event.venue && (
          <Text size="sm" c="dimmed">
            {event.venue.name}
          </Text>
        )}
        <MyRoles roles={myRolesOn(event, viewerId)} />
        <AcknowledgementControl
          event={event}
          viewerId={viewerId}
          pending={acknowledging}
          onAcknowledge={onAcknowledge}
        />
      </Stack>
    </Paper>
  );
}
