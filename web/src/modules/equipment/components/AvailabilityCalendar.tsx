import { useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Box, Group, Loader, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EquipmentAvailabilityByDayQuery } from '../graphql/catalogueEditDocuments';
import { monthGrid } from '../utils/monthGrid';

export type AvailabilityCalendarProps = {
  itemId: string;
  /** The month shown, `YYYY-MM`. */
  month: string;
  onMonthChange(month: string): void;
};

/** A month of one item: how many are free each day (owned − in repair − reserved); short days in red. */
export function AvailabilityCalendar({ itemId, month, onMonthChange }: AvailabilityCalendarProps) {
  const { t, i18n } = useTranslation();
  const grid = monthGrid(month);
  const { data, previousData, loading, error } = useQuery(EquipmentAvailabilityByDayQuery, {
    variables: { itemId, from: grid.from, to: grid.to },
    fetchPolicy: 'cache-and-network',
  });
  const rows = (data ?? previousData)?.equipmentAvailabilityByDay ?? [];
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const first = dayjs(`${month}-01`);
  const title = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric' }).format(first.toDate());
  const weekdays = Array.from({ length: 7 }, (_, index) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'short' }).format(first.startOf('week').add(index + 1, 'day').toDate()),
  );
  return (
    <Paper withBorder p="sm" data-testid="availability-calendar" data-month={month}>
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('equipment.availability.title')}</Title>
        <Group gap="xs">
          <ActionIcon variant="default" aria-label={t('equipment.availability.previous')} onClick={() => onMonthChange(first.subtract(1, 'month').format('YYYY-MM'))} data-testid="availability-previous">
            ‹
          </ActionIcon>
          <Text fw={500} miw={140} ta="center" data-testid="availability-month">
            {title}
          </Text>
          <ActionIcon variant="default" aria-label={t('equipment.availability.next')} onClick={() => onMonthChange(first.add(1, 'month').format('YYYY-MM'))} data-testid="availability-next">
            ›
          </ActionIcon>
          {loading && <Loader size="xs" />}
        </Group>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        {weekdays.map((weekday) => (
          <Text key={weekday} size="xs" c="dimmed" ta="center">
            {weekday}
          </Text>
        ))}
        {grid.cells.map((day, index) => {
          if (!day) return <Box key={`blank-${index}`} />;
          const row = byDay.get(day);
          const short = row !== undefined && row.available < 0;
          const reduced = row !== undefined && row.reserved > 0;
          return (
            <Paper
              key={day}
              withBorder
              p={4}
              bg={short ? 'red.1' : reduced ? 'yellow.0' : undefined}
              data-testid={`availability-day-${day}`}
              data-available={row?.available}
              data-shortage={short ? 'true' : undefined}
              title={row ? t('equipment.availability.dayTitle', { owned: row.owned, inRepair: row.inRepair, reserved: row.reserved, available: row.available }) : undefined}
            >
              <Text size="xs" c="dimmed">
                {Number(day.slice(8))}
              </Text>
              <Text size="sm" fw={short ? 700 : 500} c={short ? 'red.8' : undefined} ta="center">
                {row ? (short ? t('equipment.availability.short', { count: -row.available }) : row.available) : '·'}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {t('equipment.availability.legend')}
      </Text>
    </Paper>
  );
}
