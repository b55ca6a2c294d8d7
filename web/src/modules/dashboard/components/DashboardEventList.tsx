import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { statusColor } from '../../events/utils/statusColor';
import type { ProductionEventStatus } from '../../events/utils/productionEventTypes';

type DashboardEvent = {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  startTime: string | null;
  status: ProductionEventStatus;
  venue: { name: string } | null;
};

export type DashboardEventListProps = {
  title: string;
  testId: string;
  events: readonly DashboardEvent[];
  empty: string;
};

/** Events with their dates, venue and status, each linking to its page. */
export function DashboardEventList({ title, testId, events, empty }: DashboardEventListProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={4} mb="xs">
        {title}
      </Title>
      {events.length === 0 && (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      )}
      <Stack gap={6}>
        {events.map((event) => (
          <Group key={event.id} justify="space-between" wrap="nowrap" data-testid={`${testId}-item`} data-event-id={event.id}>
            <div>
              <Anchor component={Link} to={`/events/${event.id}`}>
                {event.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {event.startDate === event.endDate ? event.startDate : `${event.startDate} – ${event.endDate}`}
                {event.startTime ? ` ${event.startTime}` : ''}
                {event.venue ? ` · ${event.venue.name}` : ''}
              </Text>
            </div>
            <Badge color={statusColor(event.status)} variant="light">
              {t(`calendar.status.${event.status}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
