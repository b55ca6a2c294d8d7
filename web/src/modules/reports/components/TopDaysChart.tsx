import { Paper, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type TopDaysChartProps = {
  title: string;
  /** The legend of the bars. */
  barName: string;
  color: string;
  testId: string;
  /** Already in order, busiest first; the first 20 are drawn. */
  rows: ReadonlyArray<{ name: string; days: number }>;
};

/** Days per row (a person, a category…), the busiest 20, as horizontal bars. */
export function TopDaysChart({ title, barName, color, testId, rows }: TopDaysChartProps) {
  const data = rows.slice(0, 20);
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 28 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={160} />
          <Tooltip />
          <Bar dataKey="days" name={barName} fill={color} />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}
