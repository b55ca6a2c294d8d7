import type { EventChangeInfo, EventDragStartInfo } from '@fullcalendar/react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback, useMemo, useRef } from 'react';
import { MoveProductionEventMutation } from '../graphql/moveProductionEventMutation';
import { ProductionEventQuery } from '../graphql/productionEventQuery';
import { addDays } from '../../events/utils/addDays';
import type { CalendarEventProps, CalendarChange, CalendarProductionEvent } from '../utils/calendarTypes';
import type { LiveChangeGate } from '../utils/createLiveChangeGate';
import { describeWriteRefusal } from '../utils/describeWriteRefusal';
import { toCalendarConflict } from '../utils/toCalendarConflict';
import { toCalendarProductionEvent } from '../utils/toCalendarProductionEvent';
import { useCalendarNotices } from './useCalendarNotices';

export interface SaveCalendarDragOptions {
  gate: LiveChangeGate<CalendarChange>;
  showEvent: (event: CalendarProductionEvent) => void;
}

/**
 * Saves a drag (move) or an edge drag (resize) at once with `moveProductionEvent` and the
 * version the bar was drawn from. While the pointer is down and the save runs, live changes of
 * that event wait. A refusal puts the bar back (`revert`) and says why; double bookings the move
 * caused are shown as a warning.
 */
export function useSaveCalendarDrag({ gate, showEvent }: SaveCalendarDragOptions) {
  const client = useApolloClient();
  const [move] = useMutation(MoveProductionEventMutation);
  const { showConflicts, showRefusal } = useCalendarNotices();
  const saving = useRef(new Set<string>());

  const start = useCallback((info: Pick<EventDragStartInfo, 'event'>) => gate.hold(info.event.id), [gate]);

  const stop = useCallback(
    (info: Pick<EventDragStartInfo, 'event'>) => {
      const { id } = info.event;
      // A drop (if any) is handled first; a drag let go where it started just releases.
      setTimeout(() => {
        if (!saving.current.has(id)) gate.release(id);
      }, 0);
    },
    [gate],
  );

  const save = useCallback(
    async (info: EventChangeInfo) => {
      const { event } = info;
      const props = event.extendedProps as CalendarEventProps;
      if (props.part !== 'show') {
        info.revert();
        return;
      }
      const production = props.productionEvent;
      const startDate = event.startStr.slice(0, 10);
      const endDate = event.end ? addDays(event.endStr.slice(0, 10), -1) : startDate;
      saving.current.add(event.id);
      gate.hold(event.id);
      try {
        const { data } = await move({
          variables: { id: event.id, expectedVersion: production.version, startDate, endDate },
        });
        const result = data?.moveProductionEvent;
        gate.release(event.id);
        if (!result) return;
        showEvent(toCalendarProductionEvent(result.event));
        if (result.conflicts.length > 0) showConflicts(result.conflicts.map(toCalendarConflict));
      } catch (error) {
        info.revert();
        gate.release(event.id);
        const refusal = describeWriteRefusal(error);
        showRefusal(refusal, production.title);
        if (refusal.kind === 'stale') {
          // Show the other person's version even if its live update was missed.
          const { data } = await client
            .query({ query: ProductionEventQuery, variables: { id: event.id }, fetchPolicy: 'no-cache' })
            .catch(() => ({ data: undefined }));
          if (data?.productionEvent) showEvent(toCalendarProductionEvent(data.productionEvent));
        }
      } finally {
        saving.current.delete(event.id);
      }
    },
    [client, gate, move, showConflicts, showEvent, showRefusal],
  );

  return useMemo(() => ({ start, stop, save }), [start, stop, save]);
}
