import { useTranslation } from 'react-i18next';
import type { CrewWorkloadRow } from '../utils/reportTypes';
import { TopDaysChart } from './TopDaysChart';

export type CrewWorkloadChartProps = {
  rows: readonly CrewWorkloadRow[];
};

/** Days per person, the busiest 20, as horizontal bars. */
export function CrewWorkloadChart({ rows }: CrewWorkloadChartProps) {
  const { t } = useTranslation();
  return (
    <TopDaysChart
      title={t('reports.workloadChart')}
      barName={t('reports.columns.days')}
      color="#228be6"
      testId="reports-workload-chart"
      rows={rows.map((row) => ({ name: row.person.name, days: row.days }))}
    />
  );
}
