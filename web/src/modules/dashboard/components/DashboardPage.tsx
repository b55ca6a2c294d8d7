import { Alert, Anchor, Button, Group, List, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDashboard } from '../hooks/useDashboard';
import { DashboardEventList } from './DashboardEventList';
import { StatusSummary } from './StatusSummary';

/** Problem kinds shown with a translated prefix before the server's (English) message. */
const problemLabelKeys: Partial<Record<string, string>> = {
  CREW_CONFLICT: 'dashboard.conflict',
  EQUIPMENT_SHORTAGE: 'dashboard.shortage',
  EQUIPMENT_NOT_RETURNED: 'dashboard.notReturned',
};

/** The home page of people with reports:read: this week and month, today, upcoming, who is busy, open problems — live. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { dashboard, loading, error, refetch } = useDashboard();

  return (
    <Stack data-testid="dashboard-page">
      <Group gap="sm" align="baseline">
        <Title order={2}>{t('dashboard.title')}</Title>
        {dashboard && <Text c="dimmed">{dashboard.today}</Text>}
        {loading && <Loader size="xs" />}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {t('dashboard.loadFailed', { message: error.message })}{' '}
          <Button size="compact-xs" variant="white" color="red" onClick={() => void refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      {dashboard && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <StatusSummary title={t('dashboard.week')} testId="dashboard-week" figures={dashboard.week.byStatus} />
            <StatusSummary title={t('dashboard.month')} testId="dashboard-month" figures={dashboard.month.byStatus} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <DashboardEventList title={t('dashboard.today')} testId="dashboard-today" events={dashboard.todayEvents} empty={t('dashboard.noneToday')} />
            <DashboardEventList title={t('dashboard.upcoming')} testId="dashboard-upcoming" events={dashboard.upcomingEvents} empty={t('dashboard.noneUpcoming')} />
            <Paper withBorder p="md" data-testid="dashboard-busy">
              <Title order={4} mb="xs">
                {t('dashboard.busyToday', { count: dashboard.busyToday.length })}
              </Title>
              {dashboard.busyToday.length === 0 && (
                <Text c="dimmed" size="sm">
                  {t('dashboard.nobodyBusy')}
                </Text>
              )}
              <List size="sm" spacing={4}>
                {dashboard.busyToday.map((busy) => (
                  <List.Item key={busy.person.id} data-testid="dashboard-busy-item">
                    {busy.person.name} — {busy.events.map((event) => event.title).join(', ')}
                  </List.Item>
                ))}
              </List>
            </Paper>
            {dashboard.equipment && (
              <Paper withBorder p="md" data-testid="dashboard-equipment">
                <Title order={4} mb="xs">
                  {t('dashboard.equipment')}
                </Title>
                <SimpleGrid cols={2} spacing="xs">
                  <Text size="sm">{t('dashboard.piecesOut')}</Text>
                  <Text size="sm" fw={600} data-testid="dashboard-pieces-out">
                    {dashboard.equipment.piecesOut}
                  </Text>
                  <Text size="sm">{t('dashboard.piecesInRepair')}</Text>
                  <Anchor component={Link} to="/equipment?tab=repairs" size="sm" fw={600} data-testid="dashboard-in-repair">
                    {t('dashboard.inRepairValue', { pieces: dashboard.equipment.piecesInRepair, count: dashboard.equipment.openRepairs })}
                  </Anchor>
                  <Text size="sm">{t('dashboard.unreturned')}</Text>
                  <Text size="sm" fw={600} data-testid="dashboard-unreturned">
                    {dashboard.equipment.eventsWithUnreturnedGear}
                  </Text>
                </SimpleGrid>
              </Paper>
            )}
            <Paper withBorder p="md" data-testid="dashboard-problems">
              <Title order={4} mb="xs">
                {t('dashboard.problems', { count: dashboard.problems.length })}
              </Title>
              {dashboard.problems.length === 0 && (
                <Text c="dimmed" size="sm">
                  {t('dashboard.noProblems')}
                </Text>
              )}
              <List size="sm" spacing={4}>
                {dashboard.problems.map((problem, index) => (
                  <List.Item key={`${problem.link}-${index}`} data-testid="dashboard-problem" data-kind={problem.kind}>
                    <Anchor component={Link} to={problem.link}>
                      {problem.kind === 'OPEN_REPAIR' ? t('dashboard.openRepair') : (problem.event?.title ?? problem.link)}
                    </Anchor>
                    {': '}
                    {problemLabelKeys[problem.kind] ? t(problemLabelKeys[problem.kind]!, { message: problem.message }) : problem.message}
                  </List.Item>
                ))}
              </List>
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
