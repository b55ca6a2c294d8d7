import { skipToken, useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { EventPeopleQuery } from '../graphql/eventPeopleQuery';
import { asDay } from '../utils/asDay';
import { buildPersonOptions } from '../utils/buildPersonOptions';
import { clampDayRange } from '../utils/clampDayRange';
import type { ProductionEvent } from '../utils/productionEventTypes';

/** The API answers the crew schedule and busy people for at most this many days. */
const maxDays = 120;

/**
 * Every active person, for the crew picker and the manager and senior engineer selects, each
 * with the other events that keep them busy on this event's reserved days.
 */
export function useEventPeople(event: Pick<ProductionEvent, 'id' | 'busyFrom' | 'busyTo' | 'crew'>, enabled = true) {
  const [from, to] = clampDayRange(asDay(event.busyFrom), asDay(event.busyTo), maxDays);
  const { data, loading, error, refetch } = useQuery(
    EventPeopleQuery,
    enabled ? { variables: { from, to }, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  const crewIds = useMemo(() => new Set(event.crew.map((member) => member.person.id)), [event.crew]);
  const options = useMemo(
    () =>
      buildPersonOptions(
        data?.crewSchedule.map((row) => row.person) ?? [],
        data?.busyPeople ?? [],
        event.id,
        crewIds,
      ),
    [data, event.id, crewIds],
  );
  return { options, loading, error, refetch };
}
