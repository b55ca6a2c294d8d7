import type { CalendarRef, EventInput, EventSourceFuncInfo } from '@fullcalendar/react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { lastSeenSeq } from '../../realtime/utils/lastSeenSeq';
import { CalendarChangedSubscription } from '../graphql/calendarChangedSubscription';
import { ProductionEventsQuery } from '../graphql/productionEventsQuery';
import { addDays } from '../../events/utils/addDays';
import { applyCalendarPlan } from '../utils/applyCalendarPlan';
import { applyChangesToList } from '../utils/applyChangesToList';
import type { CalendarChange, CalendarFilter, CalendarProductionEvent, CalendarRange } from '../utils/calendarTypes';
import { createLiveChangeGate } from '../utils/createLiveChangeGate';
import { planCalendarChange } from '../utils/planCalendarChange';
import { toCalendarChange } from '../utils/toCalendarChange';
import { toCalendarEventInputs } from '../utils/toCalendarEventInputs';
import { toCalendarProductionEvent } from '../utils/toCalendarProductionEvent';
import { toProductionEventFilter } from '../utils/toProductionEventFilter';
import { useCalendarCatchUp } from './useCalendarCatchUp';

/** The id of the one event source the calendar is fed from. */
const productionEventSourceId = 'production-events';

export interface ProductionEventsFeedOptions {
  calendarRef: RefObject<CalendarRef | null>;
  filter: CalendarFilter;
  viewerId: string;
  canEdit: (event: CalendarProductionEvent) => boolean;
  /** Called with every live or caught-up change as it arrives (e.g. to expose the last seq). */
  onReceived?: (changes: readonly CalendarChange[]) => void;
}

/**
 * Feeds FullCalendar and keeps it live. The window FullCalendar asks for is loaded once through
 * a stable event source; from then on `calendarChanged` for that window (and
 * `calendarChangesSince` after a reconnect) is applied event by event through the calendar API.
 * Changes of an event being dragged or saved wait in a gate until the user's drop is settled.
 */
export function useProductionEventsFeed({
  calendarRef,
  filter,
  viewerId,
  canEdit,
  onReceived,
}: ProductionEventsFeedOptions) {
  const client = useApolloClient();
  const [range, setRange] = useState<CalendarRange | null>(null);
  const latest = useRef({ filter, viewerId, canEdit, onReceived });
  // Before the effects below run (a filter change reloads with the new filter).
  useLayoutEffect(() => {
    latest.current = { filter, viewerId, canEdit, onReceived };
  });
  // Changes that arrive while a window loads are applied over its answer, which may predate them.
  const arrivedDuringLoad = useRef<Set<CalendarChange[]>>(new Set());

  const gate = useMemo(
    () =>
      createLiveChangeGate<CalendarChange>((changes) => {
        const api = calendarRef.current?.getApi();
        if (!api) return;
        const source = api.getEventSourceById(productionEventSourceId);
        const { filter: currentFilter, viewerId: currentViewer, canEdit: currentCanEdit } = latest.current;
        for (const change of changes) {
          applyCalendarPlan(api, planCalendarChange(change, currentFilter, currentViewer), {
            canEdit: currentCanEdit,
            source,
          });
        }
      }),
    [calendarRef],
  );

  const receive = useCallback(
    (changes: CalendarChange[]) => {
      for (const change of changes) lastSeenSeq.note(change.seq);
      for (const list of arrivedDuringLoad.current) list.push(...changes);
      latest.current.onReceived?.(changes);
      gate.push(changes);
    },
    [gate],
  );

  const loadWindow = useCallback(
    async (info: EventSourceFuncInfo): Promise<EventInput[]> => {
      const from = info.startStr.slice(0, 10);
      const to = addDays(info.endStr.slice(0, 10), -1);
      setRange((previous) => (previous?.from === from && previous.to === to ? previous : { from, to }));
      const arrived: CalendarChange[] = [];
      arrivedDuringLoad.current.add(arrived);
      try {
        const { data } = await client.query({
          query: ProductionEventsQuery,
          variables: { from, to, filter: toProductionEventFilter(latest.current.filter) },
          fetchPolicy: 'no-cache',
        });
        const { filter: currentFilter, viewerId: currentViewer, canEdit: currentCanEdit } = latest.current;
        const events = applyChangesToList(
          (data?.productionEvents ?? []).map(toCalendarProductionEvent),
          arrived,
          currentFilter,
          currentViewer,
        );
        return events.flatMap((event) => toCalendarEventInputs(event, currentCanEdit(event)));
      } finally {
        arrivedDuringLoad.current.delete(arrived);
      }
    },
    [client],
  );

  const eventSource = useMemo(() => ({ id: productionEventSourceId, events: loadWindow }), [loadWindow]);

  useSubscription(CalendarChangedSubscription, {
    variables: { from: range?.from ?? '', to: range?.to ?? '' },
    skip: !range,
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data: result }) => {
      const raw = result.data?.calendarChanged;
      if (raw) receive([toCalendarChange(raw)]);
    },
  });

  const reload = useCallback(() => calendarRef.current?.getApi().refetchEvents(), [calendarRef]);
  useCalendarCatchUp(range, receive, reload);

  // Another filter is another list: reload the window (the one time a whole list is replaced).
  const filterKey = JSON.stringify(toProductionEventFilter(filter));
  const loadedFilterKey = useRef(filterKey);
  useEffect(() => {
    if (loadedFilterKey.current === filterKey) return;
    loadedFilterKey.current = filterKey;
    reload();
  }, [filterKey, reload]);

  /** Shows an event as a mutation answered it (the live feed will confirm it). */
  const showEvent = useCallback(
    (event: CalendarProductionEvent) =>
      gate.push([{ seq: 0, kind: 'UPDATED', eventId: event.id, actorName: null, event }]),
    [gate],
  );

  return { eventSource, gate, range, showEvent };
}
