import { useTranslation } from 'react-i18next';
import type { EquipmentUtilisation } from '../utils/reportTypes';
import { TopDaysChart } from './TopDaysChart';

export type UtilisationChartProps = {
  categories: EquipmentUtilisation['byCategory'];
};

/** Days out per category, the busiest 20, as horizontal bars. */
export function UtilisationChart({ categories }: UtilisationChartProps) {
  const { t } = useTranslation();
  return (
    <TopDaysChart
      title={t('reports.utilisationChart')}
      barName={t('reports.columns.daysOut')}
      color="#40c057"
      testId="reports-utilisation-chart"
      rows={categories.map((row) => ({ name: row.categoryPath, days: row.days }))}
    />
  );
}
