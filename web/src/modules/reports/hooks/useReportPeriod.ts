import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readReportPeriod, type ReportPeriod } from '../utils/reportPeriod';

/** The reports' period, kept in the URL so a report can be reloaded and shared. */
export function useReportPeriod(today: string) {
  const [params, setParams] = useSearchParams();
  const period = useMemo(() => readReportPeriod(params, today), [params, today]);
  const setPeriod = useCallback((next: ReportPeriod) => setParams({ from: next.from, to: next.to }), [setParams]);
  return { period, setPeriod };
}
