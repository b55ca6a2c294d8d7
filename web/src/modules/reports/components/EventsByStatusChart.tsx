import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { statusHexColor } from '../../events/utils/statusColor';
import type { StatusFigure } from '../utils/reportTypes';

export type EventsByStatusChartProps = {
  figures: readonly StatusFigure[];
};

/** Events and event-days per status as bars, coloured like the calendar. */
export function EventsByStatusChart({ figures }: EventsByStatusChartProps) {
  const { t } = useTranslation();
  const data = figures.map((figure) => ({ ...figure, label: t(`calendar.status.${figure.status}`) }));
  return (
    <Paper withBorder p="md" data-testid="reports-status-chart">
      <Title order={4} mb="sm">
        {t('reports.byStatus')}
      </Title>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="events" name={t('reports.columns.events')}>
            {data.map((figure) => (
              <Cell key={figure.status} fill={statusHexColor(figure.status)} />
            ))}
          </Bar>
          <Bar dataKey="eventDays" name={t('reports.columns.eventDays')} fill="#868e96" />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}
