import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { addDays } from '../../events/utils/addDays';
import { todayInTimeZone } from '../../events/utils/todayInTimeZone';
import { MyEventsQuery } from '../graphql/myEventsQuery';
import type { MyEvent } from '../utils/cabinetEventTypes';
import { myEventsHorizonDays } from '../utils/myEventsHorizonDays';
import { sortMyEvents } from '../utils/sortMyEvents';

/**
 * Every event I am on (crew, senior engineer or manager) from today on, soonest first. Today is
 * the company's today; events already under way are still listed while they last.
 */
export function useMyEvents(timeZone: string) {
  const from = todayInTimeZone(timeZone);
  const to = addDays(from, myEventsHorizonDays);
  const { data, previousData, loading, error, refetch } = useQuery(MyEventsQuery, {
    variables: { from, to },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const raw = (data ?? previousData)?.productionEvents as MyEvent[] | undefined;
  const events = useMemo(() => (raw ? sortMyEvents(raw) : undefined), [raw]);
  return { events, loading, error, refetch };
}
