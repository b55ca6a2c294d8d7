import { Button, Group } from '@mantine/core';
import { DatePickerInput, type DayOfWeek } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { presetPeriod, reportPresets, reportsWorkbookUrl, type ReportPeriod } from '../utils/reportPeriod';

export type ReportPeriodPickerProps = {
  period: ReportPeriod;
  today: string;
  weekStart: number;
  onChange: (period: ReportPeriod) => void;
};

/** The period (a date range or a preset) and the .xlsx download of the same figures. */
export function ReportPeriodPicker({ period, today, weekStart, onChange }: ReportPeriodPickerProps) {
  const { t, i18n } = useTranslation();
  return (
    <Group align="flex-end" wrap="wrap">
      <DatePickerInput
        type="range"
        label={t('reports.period')}
        value={[period.from, period.to]}
        onChange={([from, to]) => {
          if (from && to) onChange({ from: from.slice(0, 10), to: to.slice(0, 10) });
        }}
        locale={i18n.language}
        firstDayOfWeek={(weekStart % 7) as DayOfWeek}
        valueFormat="D MMM YYYY"
        w={260}
        data-testid="reports-period"
      />
      <Group gap="xs">
        {reportPresets.map((preset) => (
          <Button key={preset} variant="light" size="sm" onClick={() => onChange(presetPeriod(preset, today))} data-testid={`reports-preset-${preset}`}>
            {t(`reports.presets.${preset}`)}
          </Button>
        ))}
      </Group>
      <Button component="a" href={reportsWorkbookUrl(period)} download data-testid="reports-download">
        {t('reports.download')}
      </Button>
    </Group>
  );
}
