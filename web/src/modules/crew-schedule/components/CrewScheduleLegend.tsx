import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductionEventStatus } from '../utils/crewScheduleTypes';
import { statusColor } from '../../events/utils/statusColor';

// Cancelled events free their people, so the schedule never shows them.
const shownStatuses: ProductionEventStatus[] = ['DRAFT', 'TENTATIVE', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED'];

/** What the colours and the red outline mean. */
export function CrewScheduleLegend() {
  const { t } = useTranslation();

  return (
    <Group gap="md" wrap="wrap" aria-label={t('crewSchedule.legend')} role="list">
      {shownStatuses.map((status) => (
        <Group key={status} gap={6} wrap="nowrap" role="listitem">
          <Box
            w={14}
            h={14}
            bdrs="sm"
            bg={`var(--mantine-color-${statusColor(status)}-light)`}
            style={{ borderLeft: `3px solid var(--mantine-color-${statusColor(status)}-filled)` }}
          />
          <Text size="xs">{t(`crewSchedule.status.${status}`)}</Text>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap" role="listitem">
        <Box w={14} h={14} style={{ outline: '2px solid var(--mantine-color-red-filled)', outlineOffset: -2 }} />
        <Text size="xs">{t('crewSchedule.conflictLegend')}</Text>
      </Group>
    </Group>
  );
}
