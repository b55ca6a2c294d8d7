import { useApolloClient } from '@apollo/client/react';
import { useEffect, useEffectEvent } from 'react';
import type { SeqCursor } from '../../realtime/utils/lastSeenSeq';
import { realtimeConnection } from '../../realtime/utils/realtimeConnection';
import { CalendarChangesSinceQuery } from '../graphql/calendarChangesSinceQuery';
import type { CalendarChange, CalendarRange } from '../utils/calendarTypes';
import { toCalendarChange } from '../utils/toCalendarChange';

// Beyond this many pages of missed changes a reload of the window is cheaper.
const maxPages = 4;

/**
 * After the WebSocket comes back from a lost connection, asks `calendarChangesSince` for the
 * visible days from the last seq the calendar has seen (`seen`) and hands what was missed
 * (oldest first) to `onMissed`. When nothing was seen yet, or the gap is too long, `onReload`
 * reloads the window instead.
 */
export function useCalendarCatchUp(
  range: CalendarRange | null,
  seen: SeqCursor,
  onMissed: (changes: CalendarChange[]) => void,
  onReload: () => void,
): void {
  const client = useApolloClient();
  const handleMissed = useEffectEvent(onMissed);
  const handleReload = useEffectEvent(onReload);

  useEffect(() => {
    if (!range) return;
    return realtimeConnection.onReconnected(() => {
      const since = seen.get();
      if (since === null) {
        handleReload();
        return;
      }
      void (async () => {
        let seq = since;
        for (let page = 0; page < maxPages; page += 1) {
          const { data } = await client.query({
            query: CalendarChangesSinceQuery,
            variables: { seq, from: range.from, to: range.to },
            fetchPolicy: 'no-cache',
          });
          const catchUp = data?.calendarChangesSince;
          if (!catchUp) return;
          const changes = catchUp.changes.map(toCalendarChange);
          if (changes.length > 0) handleMissed(changes);
          seen.note(catchUp.lastSeq);
          if (catchUp.complete) return;
          seq = catchUp.lastSeq;
        }
        handleReload();
      })().catch(() => handleReload());
    });
  }, [client, range, seen]);
}
