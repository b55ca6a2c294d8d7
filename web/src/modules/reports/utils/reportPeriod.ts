import { Temporal } from 'temporal-polyfill';

/** A period of company days, both ends included (`YYYY-MM-DD`). */
export type ReportPeriod = { from: string; to: string };

export type ReportPreset = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear';
export const reportPresets: readonly ReportPreset[] = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'];

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The period of a preset, relative to `today`. */
export function presetPeriod(preset: ReportPreset, today: string): ReportPeriod {
  const day = Temporal.PlainDate.from(today);
  const monthStart = day.with({ day: 1 });
  switch (preset) {
    case 'thisMonth':
      return { from: monthStart.toString(), to: monthStart.add({ months: 1 }).subtract({ days: 1 }).toString() };
    case 'lastMonth': {
      const start = monthStart.subtract({ months: 1 });
      return { from: start.toString(), to: monthStart.subtract({ days: 1 }).toString() };
    }
    case 'thisQuarter': {
      const start = day.with({ month: Math.floor((day.month - 1) / 3) * 3 + 1, day: 1 });
      return { from: start.toString(), to: start.add({ months: 3 }).subtract({ days: 1 }).toString() };
    }
    case 'thisYear':
      return { from: day.with({ month: 1, day: 1 }).toString(), to: day.with({ month: 12, day: 31 }).toString() };
  }
}

/** The period in the URL (`?from=…&to=…`), or this month when it is missing or malformed. */
export function readReportPeriod(params: URLSearchParams, today: string): ReportPeriod {
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && datePattern.test(from) && datePattern.test(to) && from <= to) return { from, to };
  return presetPeriod('thisMonth', today);
}

/** Where the workbook of a period downloads from (same origin, the session cookie authenticates it). */
export function reportsWorkbookUrl(period: ReportPeriod): string {
  return `/api/reports.xlsx?${new URLSearchParams({ from: period.from, to: period.to }).toString()}`;
}
