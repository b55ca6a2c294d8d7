import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RepairsReport } from '../utils/reportTypes';

export type RepairsChartProps = {
  days: RepairsReport['byDay'];
};

/** Repairs opened on each day of the period. */
export function RepairsChart({ days }: RepairsChartProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="reports-repairs-chart">
      <Title order={4} mb="sm">
        {t('reports.repairsChart')}
      </Title>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={days.map((day) => ({ date: day.date, opened: day.opened }))}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="opened" name={t('reports.repairFigures.opened')} fill="#fa5252" />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}
