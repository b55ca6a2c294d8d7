import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statusColor } from '../../events/utils/statusColor';
import type { ProductionEventStatus } from '../../events/utils/productionEventTypes';

export type StatusSummaryProps = {
  title: string;
  testId: string;
  figures: ReadonlyArray<{ status: ProductionEventStatus; events: number }>;
};

/** Events of a period per status, as coloured counts. */
export function StatusSummary({ title, testId, figures }: StatusSummaryProps) {
  const { t } = useTranslation();
  const total = figures.filter((figure) => figure.status !== 'CANCELLED').reduce((sum, figure) => sum + figure.events, 0);
  return (
    <Paper withBorder p="md" data-testid={testId} data-total={total}>
      <Group justify="space-between" mb="xs">
        <Title order={4}>{title}</Title>
        <Text fw={700}>{t('dashboard.eventCount', { count: total })}</Text>
      </Group>
      <Group gap="xs">
        {figures.map((figure) => (
          <Badge key={figure.status} color={statusColor(figure.status)} variant={figure.events ? 'filled' : 'light'} data-status={figure.status} data-events={figure.events}>
            {t(`calendar.status.${figure.status}`)}: {figure.events}
          </Badge>
        ))}
      </Group>
    </Paper>
  );
}
