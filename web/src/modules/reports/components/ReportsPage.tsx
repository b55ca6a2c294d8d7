import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { todayInTimeZone } from '../../events/utils/todayInTimeZone';
import { useReportPeriod } from '../hooks/useReportPeriod';
import { useReports } from '../hooks/useReports';
import { CrewWorkloadChart } from './CrewWorkloadChart';
import { EventsByStatusChart } from './EventsByStatusChart';
import { ReportPeriodPicker } from './ReportPeriodPicker';
import { RepairsChart } from './RepairsChart';
import { ReportTable } from './ReportTable';
import { UtilisationChart } from './UtilisationChart';

/** Names the server gives to people who were not crew on an event (see CrewWorkloadRow.roles). */
const positionKeys: Record<string, string> = { 'Senior engineer': 'reports.positions.seniorEngineer', Manager: 'reports.positions.manager' };

const decimal = (value: number | null | undefined, language: string) =>
  value === null || value === undefined ? '—' : value.toLocaleString(language, { maximumFractionDigits: 2 });

/** Reports for a period (`/reports?from=…&to=…`): charts and tables, and the same figures as .xlsx. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
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
            <UtilisationChart categories={reports.equipmentUtilisation.byCategory} />
            <ReportTable
              title={t('reports.utilisationByCategory')}
              testId="reports-utilisation-categories"
              columns={[t('reports.columns.category'), t('reports.columns.daysOut'), t('reports.columns.pieceDays')]}
              rows={reports.equipmentUtilisation.byCategory.map((row) => ({ key: row.categoryId, cells: [row.categoryPath, row.days, row.pieceDays] }))}
            />
            <ReportTable
              title={t('reports.utilisationByItem')}
              testId="reports-utilisation-items"
              columns={[t('reports.columns.item'), t('reports.columns.category'), t('reports.columns.daysOut'), t('reports.columns.pieceDays'), t('reports.columns.events')]}
              rows={reports.equipmentUtilisation.byItem.map((row) => ({
                key: row.itemId,
                cells: [`${row.code} · ${row.name}`, row.categoryPath, row.days, row.pieceDays, row.events],
              }))}
            />
            <ReportTable
              title={t('reports.repairs')}
              testId="reports-repairs"
              columns={[t('reports.columns.figure'), t('reports.columns.value')]}
              rows={[
                { key: 'opened', cells: [t('reports.repairFigures.opened'), reports.repairs.opened] },
                { key: 'returned', cells: [t('reports.repairFigures.returned'), reports.repairs.returned] },
                { key: 'writtenOff', cells: [t('reports.repairFigures.writtenOff'), reports.repairs.writtenOff] },
                { key: 'openAtEnd', cells: [t('reports.repairFigures.openAtEnd'), reports.repairs.openAtEnd] },
                { key: 'average', cells: [t('reports.repairFigures.average'), decimal(reports.repairs.averageDaysToRepair, i18n.language)] },
                { key: 'median', cells: [t('reports.repairFigures.median'), decimal(reports.repairs.medianDaysToRepair, i18n.language)] },
                { key: 'faultsPerDay', cells: [t('reports.repairFigures.faultsPerDay'), decimal(reports.repairs.faultsPerDay, i18n.language)] },
              ]}
            />
            <RepairsChart days={reports.repairs.byDay} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('reports.rules')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('reports.utilisationRules')}
          </Text>
        </>
      )}
    </Stack>
  );
}
