import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EquipmentUtilisation } from '../utils/reportTypes';

export type UtilisationChartProps = {
  categories: EquipmentUtilisation['byCategory'];
};

/** Days out per category, the busiest 20, as horizontal bars. */
export function UtilisationChart({ categories }: UtilisationChartProps) {
  const { t } = useTranslation();
  const data = categories.slice(0, 20).map((row) => ({ name: row.categoryPath, days: row.days }));
  return (
    <Paper withBorder p="md" data-testid="reports-utilisation-chart">
      <Title order={4} mb="sm">
        {t('reports.utilisationChart')}
      </Title>
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 28 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={160} />
          <Tooltip />
          <Bar dataKey="days" name={t('reports.columns.daysOut')} fill="#40c057" />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}
