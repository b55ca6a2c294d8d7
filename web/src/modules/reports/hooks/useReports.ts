import { useQuery } from '@apollo/client/react';
import { ReportsQuery } from '../graphql/reportsQuery';
import type { ReportPeriod } from '../utils/reportPeriod';

/** Every report of a period; the previous period stays on screen while the next loads. */
export function useReports(period: ReportPeriod) {
  const { data, previousData, loading, error, refetch } = useQuery(ReportsQuery, {
    variables: period,
    fetchPolicy: 'cache-and-network',
  });
  return { reports: (data ?? previousData)?.reports, loading, error, refetch };
}
