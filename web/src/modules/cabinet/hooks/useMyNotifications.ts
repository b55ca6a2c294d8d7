import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useRealtimeStatus } from '../../realtime/hooks/useRealtimeStatus';
import { MyNotificationsSinceQuery } from '../graphql/myNotificationsSinceQuery';
import { MyNotificationsSubscription } from '../graphql/myNotificationsSubscription';
import type { CrewNotification } from '../utils/cabinetEventTypes';
import { lastSeenNotificationSeq } from '../utils/lastSeenNotificationSeq';
import { mergeNotifications } from '../utils/mergeNotifications';

/** How notifications reached the page: `initial` were waiting when it opened, the others arrived while it was open. */
export type NotificationArrival = 'initial' | 'live' | 'catch-up';

const kept = 50;
const pageSize = 100;
// A first visit with a long history reads at most this many pages.
const maxPages = 20;

/**
 * My notifications, newest first: those after the seq I last marked as seen (kept in
 * localStorage per account), then live ones from `myNotifications`. Each time the WebSocket
 * (re)connects it catches up with `myNotificationsSince`, so nothing sent while it was down, or
 * before the subscription started, is missed. `onArrive` hears of every notification once.
 */
export function useMyNotifications(
  viewerId: string,
  onArrive: (notifications: CrewNotification[], arrival: NotificationArrival) => void,
) {
  const client = useApolloClient();
  const status = useRealtimeStatus();
  const [notifications, setNotifications] = useState<CrewNotification[]>([]);
  const [seenUpTo, setSeenUpTo] = useState(() => lastSeenNotificationSeq.get(viewerId) ?? 0);
  const [live, setLive] = useState(false);
  const known = useRef(new Set<number>());
  const highest = useRef(seenUpTo);
  // Catch-ups run one after another, each from where the last one ended.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const handleArrive = useEffectEvent(onArrive);

  const receive = useCallback((incoming: readonly CrewNotification[], arrival: NotificationArrival) => {
    const fresh = incoming.filter((notification) => !known.current.has(notification.seq));
    if (fresh.length === 0) return;
    for (const notification of fresh) {
      known.current.add(notification.seq);
      highest.current = Math.max(highest.current, notification.seq);
    }
    setNotifications((shown) => mergeNotifications(shown, fresh, kept));
    handleArrive(fresh, arrival);
  }, []);

  const catchUp = useCallback(
    (arrival: NotificationArrival) => {
      const run = async () => {
        for (let page = 0; page < maxPages; page += 1) {
          const { data } = await client.query({
            query: MyNotificationsSinceQuery,
            variables: { seq: highest.current, limit: pageSize },
            fetchPolicy: 'network-only',
          });
          const found = (data?.myNotificationsSince ?? []) as CrewNotification[];
          receive(found, arrival);
          if (found.length < pageSize) return;
        }
      };
      queue.current = queue.current.then(run).catch(() => {
        // Best effort: the live feed runs anyway and the next (re)connect catches up again.
      });
      return queue.current;
    },
    [client, receive],
  );

  useEffect(() => {
    void catchUp('initial');
  }, [catchUp]);

  // Every time the socket is (back) up: fill the gap before the subscription was running.
  const connectedOnce = useRef(false);
  useEffect(() => {
    if (status !== 'connected') {
      if (connectedOnce.current) setLive(false);
      return;
    }
    const arrival: NotificationArrival = connectedOnce.current ? 'catch-up' : 'initial';
    connectedOnce.current = true;
    let current = true;
    void catchUp(arrival).then(() => {
      if (current) setLive(true);
    });
    return () => {
      current = false;
    };
  }, [status, catchUp]);

  useSubscription(MyNotificationsSubscription, {
    onData: ({ data }) => {
      if (data.data) receive([data.data.myNotifications as CrewNotification], 'live');
    },
  });

  const markAllSeen = useCallback(() => {
    const seq = highest.current;
    lastSeenNotificationSeq.set(viewerId, seq);
    setSeenUpTo((previous) => Math.max(previous, seq));
  }, [viewerId]);

  return {
    notifications,
    seenUpTo,
    unseenCount: notifications.filter((notification) => notification.seq > seenUpTo).length,
    markAllSeen,
    /** True once the live feed is running and the gap before it has been filled. */
    live,
  };
}
