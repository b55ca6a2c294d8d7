import { ActionIcon, Button, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { calendarViews, type CalendarViewName } from '../utils/calendarTypes';
import { capitalizeFirst } from '../utils/capitalizeFirst';

export type CalendarToolbarProps = {
  title: string;
  view: CalendarViewName;
  eventCount: number | null;
  onPrev: () => void;
  onNext: () => void;
  onToday: () => void;
  onView: (view: CalendarViewName) => void;
};

/** Navigation (previous, today, next), the period shown, and the view switch. */
export function CalendarToolbar({ title, view, eventCount, onPrev, onNext, onToday, onView }: CalendarToolbarProps) {
  const { t, i18n } = useTranslation();

  return (
    <Group justify="space-between" gap="sm" data-testid="calendar-toolbar">
      <Group gap="xs" wrap="nowrap" style={{ flex: 'none' }}>
        <ActionIcon variant="default" size="lg" onClick={onPrev} aria-label={t('calendar.nav.prev')} data-testid="calendar-prev">
          ‹
        </ActionIcon>
        <Button variant="default" onClick={onToday} data-testid="calendar-today">
          {t('calendar.nav.today')}
        </Button>
        <ActionIcon variant="default" size="lg" onClick={onNext} aria-label={t('calendar.nav.next')} data-testid="calendar-next">
          ›
        </ActionIcon>
      </Group>
      <Group gap="xs" align="baseline" style={{ flex: 1, minWidth: 200 }}>
        <Title order={3} fz="lg" data-testid="calendar-title">
          {capitalizeFirst(title, i18n.language)}
        </Title>
        {eventCount !== null && (
          <Text size="sm" c="dimmed" data-testid="calendar-event-count">
            {t('calendar.eventCount', { count: eventCount })}
          </Text>
        )}
      </Group>
      <SegmentedControl
        value={view}
        onChange={(value) => onView(value as CalendarViewName)}
        data={calendarViews.map((name) => ({ value: name, label: t(`calendar.view.${name}`) }))}
        aria-label={t('calendar.view.label')}
        data-testid="calendar-views"
      />
    </Group>
  );
}
