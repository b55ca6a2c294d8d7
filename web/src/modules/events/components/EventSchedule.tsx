import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asDay } from '../utils/asDay';
import { formatDayRange } from '../utils/formatDayRange';
import type { ProductionEvent } from '../utils/productionEventTypes';

export type EventScheduleProps = {
  event: Pick<
    ProductionEvent,
    'startDate' | 'endDate' | 'startTime' | 'endTime' | 'endsNextDay' | 'prepDays' | 'returnDays' | 'busyFrom' | 'busyTo'
  >;
};

/** Show days, times (an overnight end marked as the next morning), and prep and return days. */
export function EventSchedule({ event }: EventScheduleProps) {
  const { t, i18n } = useTranslation();
  const days = formatDayRange(asDay(event.startDate), asDay(event.endDate), i18n.language);
  const reserved = formatDayRange(asDay(event.busyFrom), asDay(event.busyTo), i18n.language);
  const hasExtraDays = event.prepDays > 0 || event.returnDays > 0;

  return (
    <Stack gap={4}>
      <Text fw={600} data-testid="event-dates">
        {days}
      </Text>
      <Group gap="xs">
        <Text size="sm" data-testid="event-times">
          {event.startTime || event.endTime
            ? t('events.schedule.times', {
                start: event.startTime ?? t('events.schedule.open'),
                end: event.endTime ?? t('events.schedule.open'),
              })
            : t('events.schedule.wholeDays')}
        </Text>
        {event.endsNextDay && (
          <Badge size="sm" color="grape" variant="light" data-testid="event-overnight">
            {t('events.schedule.overnight', { end: event.endTime })}
          </Badge>
        )}
      </Group>
      {hasExtraDays && (
        <Text size="sm" c="dimmed" data-testid="event-prep-return">
          {[
            event.prepDays > 0 ? t('events.schedule.prepDays', { count: event.prepDays }) : null,
            event.returnDays > 0 ? t('events.schedule.returnDays', { count: event.returnDays }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}{' '}
          {t('events.schedule.reserved', { days: reserved })}
        </Text>
      )}
    </Stack>
  );
}
