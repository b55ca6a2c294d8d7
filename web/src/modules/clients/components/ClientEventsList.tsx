import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { statusColor } from '../../events/utils/statusColor';
import { formatDayRange } from '../../events/utils/formatDayRange';
import type { ClientWithEvents } from '../utils/clientTypes';

type ClientEvent = NonNullable<ClientWithEvents['upcomingEvents']>[number];

export type ClientEventsListProps = {
  title: string;
  emptyText: string;
  events: readonly ClientEvent[];
  testId: string;
};

/** A client's upcoming or past events: dates, title (links to the event) and status. */
export function ClientEventsList({ title, emptyText, events, testId }: ClientEventsListProps) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs" data-testid={testId}>
      <Group gap="xs">
        <Title order={4}>{title}</Title>
        <Text c="dimmed" size="sm">
          {events.length}
        </Text>
      </Group>
      {events.length === 0 ? (
        <Text c="dimmed" size="sm">
          {emptyText}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.id} data-testid="client-event">
                <Table.Td w={180} style={{ whiteSpace: 'nowrap' }}>
                  {formatDayRange(event.startDate, event.endDate, i18n.language)}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/events/${event.id}`} data-testid="client-event-link" data-event-id={event.id}>
                    {event.title}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={statusColor(event.status)} variant="light">
                    {t(`events.status.${event.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
