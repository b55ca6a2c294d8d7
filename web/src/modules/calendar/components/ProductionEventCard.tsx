import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../events/utils/addDays';
import type { CalendarProductionEvent } from '../utils/calendarTypes';
import { dayCount } from '../utils/dayCount';
import { formatDayRange } from '../utils/formatDayRange';
import { statusColor as statusBadgeColor } from '../../events/utils/statusColor';
import { CardDetail } from './CardDetail';

export type ProductionEventCardProps = {
  event: CalendarProductionEvent;
};

/** What the hover card tells about an event: dates, status, client, venue, crew, problems. */
export function ProductionEventCard({ event }: ProductionEventCardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const days = dayCount(event.startDate, event.endDate);
  const times = [event.startTime, event.endTime].filter(Boolean).join('–');

  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600} data-testid="calendar-card-title">
          {event.title}
        </Text>
        <Badge color={statusBadgeColor(event.status)} variant="light" style={{ flex: 'none' }}>
          {t(`calendar.status.${event.status}`)}
        </Badge>
      </Group>
      <CardDetail
        label={t('calendar.card.dates')}
        value={`${formatDayRange(event.startDate, event.endDate, language)} · ${t('calendar.card.days', { count: days })}`}
        testId="calendar-card-dates"
      />
      {times && (
        <CardDetail
          label={t('calendar.card.time')}
          value={event.endsNextDay ? t('calendar.card.endsNextDay', { times }) : times}
          testId="calendar-card-time"
        />
      )}
      {event.prepDays > 0 && (
        <CardDetail
          label={t('calendar.card.prep')}
          value={formatDayRange(event.busyFrom, addDays(event.startDate, -1), language)}
          testId="calendar-card-prep"
        />
      )}
      {event.returnDays > 0 && (
        <CardDetail
          label={t('calendar.card.return')}
          value={formatDayRange(addDays(event.endDate, 1), event.busyTo, language)}
          testId="calendar-card-return"
        />
      )}
      <CardDetail label={t('calendar.card.client')} value={event.client?.name ?? '—'} testId="calendar-card-client" />
      <CardDetail label={t('calendar.card.venue')} value={event.venue?.name ?? '—'} testId="calendar-card-venue" />
      <CardDetail label={t('calendar.card.manager')} value={event.manager?.name ?? '—'} testId="calendar-card-manager" />
      {event.seniorEngineer && (
        <CardDetail
          label={t('calendar.card.seniorEngineer')}
          value={event.seniorEngineer.name}
          testId="calendar-card-senior"
        />
      )}
      <Text size="xs" c="dimmed">
        {t('calendar.card.crew', { count: event.crew.length })}
      </Text>
      {event.crew.length > 0 && (
        <List size="sm" spacing={0} data-testid="calendar-card-crew">
          {event.crew.map((member) => (
            <List.Item key={member.id}>
              {member.person.name} — {member.roleName}
            </List.Item>
          ))}
        </List>
      )}
      {event.problems.length > 0 && (
        <Stack gap={2} data-testid="calendar-card-problems">
          <Text size="xs" c="red.7" fw={600}>
            {t('calendar.card.problems', { count: event.problems.length })}
          </Text>
          {event.problems.map((problem, index) => (
            <Text key={index} size="sm" c="red.8">
              {problem.conflict
                ? t('calendar.conflict.line', {
                    person: problem.conflict.person.name,
                    other: problem.conflict.otherEvent.title,
                    days: formatDayRange(problem.conflict.fromDate, problem.conflict.toDate, language),
                  })
                : problem.message}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
