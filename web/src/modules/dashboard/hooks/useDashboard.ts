import { useQuery, useSubscription } from '@apollo/client/react';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect } from 'react';
import { realtimeConnection } from '../../realtime/utils/realtimeConnection';
import { DashboardChangedSubscription } from '../graphql/dashboardChangedSubscription';
import { DashboardQuery } from '../graphql/dashboardQuery';
import { StoreChangedSubscription } from '../graphql/storeChangedSubscription';

const refetchDelayMs = 500;

/**
 * The home page figures, kept live: a committed change of an event touching this month or the
 * next two months (or a reconnect) re-reads the whole summary, debounced — it is a summary, so
 * reading it again is simpler and safer than patching it. Viewers who see gear (the dashboard has
 * `equipment`) also re-read it on each store change (check-out, check-in, repair).
 */
export function useDashboard() {
  const { data, loading, error, refetch } = useQuery(DashboardQuery, { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: false });
  const dashboard = data?.dashboard;
  const reload = useDebouncedCallback(() => {
    void refetch().catch(() => {
      // The error shows through `error`; the next change tries again.
    });
  }, refetchDelayMs);

  const from = dashboard ? (dashboard.month.from < dashboard.week.from ? dashboard.month.from : dashboard.week.from) : '';
  const to = dashboard ? addDays(dashboard.today, 61) : '';
  useSubscription(DashboardChangedSubscription, {
    variables: { from, to },
    skip: !dashboard,
    ignoreResults: true,
    onData: () => reload(),
  });
  useSubscription(StoreChangedSubscription, {
    skip: !dashboard?.equipment,
    ignoreResults: true,
    onData: () => reload(),
  });
  useEffect(() => realtimeConnection.onReconnected(() => reload()), [reload]);

  return { dashboard, loading, error, refetch };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
