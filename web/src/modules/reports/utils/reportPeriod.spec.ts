import { describe, expect, it } from 'vitest';
import { presetPeriod, readReportPeriod, reportsWorkbookUrl } from './reportPeriod';

describe('report periods', () => {
  it('computes the presets around a day', () => {
    expect(presetPeriod('thisMonth', '2028-02-15')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('lastMonth', '2028-01-10')).toEqual({ from: '2027-12-01', to: '2027-12-31' });
    expect(presetPeriod('thisQuarter', '2028-05-31')).toEqual({ from: '2028-04-01', to: '2028-06-30' });
    expect(presetPeriod('thisYear', '2028-05-31')).toEqual({ from: '2028-01-01', to: '2028-12-31' });
  });

  it('reads the period from the URL and falls back to this month', () => {
    expect(readReportPeriod(new URLSearchParams('from=2030-03-10&to=2030-03-20'), '2028-02-15')).toEqual({ from: '2030-03-10', to: '2030-03-20' });
    expect(readReportPeriod(new URLSearchParams('from=2030-03-20&to=2030-03-10'), '2028-02-15')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(readReportPeriod(new URLSearchParams('from=yesterday'), '2028-02-15')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('builds the workbook address', () => {
    expect(reportsWorkbookUrl({ from: '2030-03-10', to: '2030-03-20' })).toBe('/api/reports.xlsx?from=2030-03-10&to=2030-03-20');
  });
});
