import type { CalendarRef, EventInput, EventSourceFuncInfo } from '@fullcalendar/react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { createSeqCursor } from '../../realtime/utils/lastSeenSeq';
import { CalendarChangedSubscription } from '../graphql/calendarChangedSubscription';
import { LatestChangeSeqQuery } from '../graphql/latestChangeSeqQuery';
import { ProductionEventsQuery } from '../graphql/productionEventsQuery';
import { addDays } from '../../events/utils/addDays';
import { applyCalendarPlan } from '../utils/applyCalendarPlan';
import { applyChangesToList } from '../utils/applyChangesToList';
import type { CalendarChange, CalendarFilter, CalendarProductionEvent, CalendarRange } from '../utils/calendarTypes';
import { createCalendarBars, MONTH_BARS_PER_DAY } from '../utils/createCalendarBars';
import { createChangeDeduper } from '../utils/createChangeDeduper';
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
 * The subscription starts from the `latestChangeSeq` read before the window was loaded, so a
 * change committed between the two is replayed, not lost.
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
  // The window and the sequence number read before it was first loaded.
  const [live, setLive] = useState<(CalendarRange & { since: number }) | null>(null);
  const latest = useRef({ filter, viewerId, canEdit, onReceived });
  // Before the effects below run (a filter change reloads with the new filter).
  useLayoutEffect(() => {
    latest.current = { filter, viewerId, canEdit, onReceived };
  });
  // Changes that arrive while a window loads are applied over its answer, which may predate them.
  const arrivedDuringLoad = useRef<Set<CalendarChange[]>>(new Set());
  // The window's events; FullCalendar holds the part of them it can draw.
  const [bars] = useState(createCalendarBars);

  const gate = useMemo(
    () =>
      createLiveChangeGate<CalendarChange>((changes) => {
        const api = calendarRef.current?.getApi();
        if (!api) return;
        const source = api.getEventSourceById(productionEventSourceId);
        const { filter: currentFilter, viewerId: currentViewer, canEdit: currentCanEdit } = latest.current;
        for (const change of changes) {
          applyCalendarPlan(api, bars, planCalendarChange(change, currentFilter, currentViewer), {
            canEdit: currentCanEdit,
            source,
          });
        }
      }),
    [calendarRef, bars],
  );

  const [fresh] = useState(() => createChangeDeduper<CalendarChange>());
  // What this calendar has seen; a reconnect catches up from here.
  const [seen] = useState(createSeqCursor);
  const receive = useCallback(
    (received: CalendarChange[]) => {
      const changes = fresh(received);
      if (changes.length === 0) return;
      for (const change of changes) seen.note(change.seq);
      for (const list of arrivedDuringLoad.current) list.push(...changes);
      latest.current.onReceived?.(changes);
      gate.push(changes);
    },
    [gate, fresh, seen],
  );

  const loadWindow = useCallback(
    async (info: EventSourceFuncInfo): Promise<EventInput[]> => {
      const from = info.startStr.slice(0, 10);
      const to = addDays(info.endStr.slice(0, 10), -1);
      const arrived: CalendarChange[] = [];
      arrivedDuringLoad.current.add(arrived);
      try {
        // First the last committed change, then the window: what commits in between is replayed
        // by the subscription that starts from it (for a new window) or is already live.
        const { data: head } = await client.query({ query: LatestChangeSeqQuery, fetchPolicy: 'no-cache' });
        const since = head?.latestChangeSeq ?? 0;
        seen.note(since);
        setLive((previous) => (previous?.from === from && previous.to === to ? previous : { from, to, since }));
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
        const entries = events.map((event) => ({ event, inputs: toCalendarEventInputs(event, currentCanEdit(event)) }));
        // A month draws a few bars a day; the other views draw them all.
        const month = calendarRef.current?.getApi().view.type === 'dayGridMonth';
        return bars.reset(entries, { from, to }, month ? MONTH_BARS_PER_DAY + 1 : null).flatMap((entry) => entry.inputs);
      } finally {
        arrivedDuringLoad.current.delete(arrived);
      }
    },
    [client, seen, calendarRef, bars],
  );

  const eventSource = useMemo(() => ({ id: productionEventSourceId, events: loadWindow }), [loadWindow]);

  const range = useMemo(() => (live ? { from: live.from, to: live.to } : null), [live]);
  useSubscription(CalendarChangedSubscription, {
    variables: { from: live?.from ?? '', to: live?.to ?? '', since: live?.since ?? null },
    skip: !live,
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data: result }) => {
      const raw = result.data?.calendarChanged;
      if (raw) receive([toCalendarChange(raw)]);
    },
  });

  const reload = useCallback(() => calendarRef.current?.getApi().refetchEvents(), [calendarRef]);
  useCalendarCatchUp(range, seen, receive, reload);

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

  return { eventSource, bars, gate, range, showEvent };
}
