import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { todayInTimeZone } from '../../events/utils/todayInTimeZone';
import { useReportPeriod } from '../hooks/useReportPeriod';
import { useReports } from '../hooks/useReports';
import { CrewWorkloadChart } from './CrewWorkloadChart';
import { EventsByStatusChart } from './EventsByStatusChart';
import { ReportPeriodPicker } from './ReportPeriodPicker';
import { ReportTable } from './ReportTable';

/** Names the server gives to people who were not crew on an event (see CrewWorkloadRow.roles). */
const positionKeys: Record<string, string> = { 'Senior engineer': 'reports.positions.seniorEngineer', Manager: 'reports.positions.manager' };

/** Reports for a period (`/reports?from=…&to=…`): charts and tables, and the same figures as .xlsx. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { timeZone, weekStart } = useAppInfo();
  const today = todayInTimeZone(timeZone);
  const { period, setPeriod } = useReportPeriod(today);
  const { reports, loading, error, refetch } = useReports(period);
  const events = reports?.events;
  const columns = [t('reports.columns.events'), t('reports.columns.eventDays'), t('reports.columns.cancelled')];

  return (
    <Stack data-testid="reports-page">
      <Group gap="sm" align="baseline">
        <Title order={2}>{t('reports.title')}</Title>
        {loading && <Loader size="xs" />}
      </Group>
      <ReportPeriodPicker period={period} today={today} weekStart={weekStart} onChange={setPeriod} />
      {error && (
        <Alert color="red" role="alert">
          {t('reports.loadFailed', { message: error.message })}{' '}
          <Button size="compact-xs" variant="white" color="red" onClick={() => void refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      {events && reports && (
        <>
          <Text data-testid="reports-summary">
            {t('reports.summary', { events: events.events, days: events.eventDays, cancelled: events.cancelled })}
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <EventsByStatusChart figures={events.byStatus} />
            <ReportTable
              title={t('reports.byStatus')}
              testId="reports-status"
              columns={[t('reports.columns.status'), t('reports.columns.events'), t('reports.columns.eventDays')]}
              rows={events.byStatus.map((figure) => ({ key: figure.status, cells: [t(`calendar.status.${figure.status}`), figure.events, figure.eventDays] }))}
            />
            <ReportTable
              title={t('reports.byClient')}
              testId="reports-clients"
              columns={[t('reports.columns.client'), ...columns]}
              rows={events.byClient.map((figure) => ({
                key: figure.clientId ?? 'none',
                cells: [figure.clientName ?? t('reports.noClient'), figure.events, figure.eventDays, figure.cancelled],
              }))}
            />
            <ReportTable
              title={t('reports.byManager')}
              testId="reports-managers"
              columns={[t('reports.columns.manager'), ...columns]}
              rows={events.byManager.map((figure) => ({
                key: figure.manager?.id ?? 'none',
                cells: [figure.manager?.name ?? t('reports.noManager'), figure.events, figure.eventDays, figure.cancelled],
              }))}
            />
            <CrewWorkloadChart rows={reports.crewWorkload} />
            <ReportTable
              title={t('reports.workload')}
              testId="reports-workload"
              columns={[t('reports.columns.person'), t('reports.columns.roles'), t('reports.columns.events'), t('reports.columns.days')]}
              rows={reports.crewWorkload.map((row) => ({
                key: row.person.id,
                cells: [row.person.name, row.roles.map((role) => (positionKeys[role] ? t(positionKeys[role]) : role)).join(', '), row.events, row.days],
              }))}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('reports.rules')}
          </Text>
        </>
      )}
    </Stack>
  );
}
