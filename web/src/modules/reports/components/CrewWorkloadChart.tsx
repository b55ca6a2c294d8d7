import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CrewWorkloadRow } from '../utils/reportTypes';

export type CrewWorkloadChartProps = {
  rows: readonly CrewWorkloadRow[];
};

/** Days per person, the busiest 20, as horizontal bars. */
export function CrewWorkloadChart({ rows }: CrewWorkloadChartProps) {
  const { t } = useTranslation();
  const data = rows.slice(0, 20).map((row) => ({ name: row.person.name, days: row.days }));
  return (
    <Paper withBorder p="md" data-testid="reports-workload-chart">
      <Title order={4} mb="sm">
        {t('reports.workloadChart')}
      </Title>
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 28 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={160} />
          <Tooltip />
          <Bar dataKey="days" name={t('reports.columns.days')} fill="#228be6" />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}
