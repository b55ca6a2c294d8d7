import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EventProblem } from '../utils/productionEventTypes';
import { CrewConflictText } from './CrewConflictText';

export type EventProblemsListProps = {
  problems: EventProblem[];
};

/** The event's derived problems: double-booked crew and the manual problem note. */
export function EventProblemsList({ problems }: EventProblemsListProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="event-problems">
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={3} size="h4">
            {t('events.problems.title')}
          </Title>
          {problems.length > 0 && (
            <Badge color="red" variant="light">
              {problems.length}
            </Badge>
          )}
        </Group>
        {problems.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('events.problems.none')}
          </Text>
        ) : (
          <List spacing="xs">
            {problems.map((problem, index) => (
              <List.Item key={index} data-testid="event-problem" data-kind={problem.kind}>
                {problem.kind === 'CREW_CONFLICT' && problem.conflict ? (
                  <CrewConflictText conflict={problem.conflict} />
                ) : (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    <Text span fw={600}>
                      {t(`events.problems.kind.${problem.kind}`)}:
                    </Text>{' '}
                    {problem.message}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}
