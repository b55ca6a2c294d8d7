import { useDebouncedCallback } from '@mantine/hooks';
import { notifications as toasts } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { useAcknowledgeAssignment } from '../hooks/useAcknowledgeAssignment';
import { useMyEvents } from '../hooks/useMyEvents';
import { useMyNotifications, type NotificationArrival } from '../hooks/useMyNotifications';
import type { CrewNotification } from '../utils/cabinetEventTypes';
import { myEventsHorizonDays } from '../utils/myEventsHorizonDays';
import { notificationColor } from '../utils/notificationColor';
import { MyEvents } from './MyEvents';
import { MyNotifications } from './MyNotifications';

export type CabinetEventsProps = {
  viewerId: string;
};

/** Toasts for one batch at most; a long catch-up gets a summary instead. */
const maxToasts = 3;

/** The cabinet's live part: my notifications (with a toast as each arrives) and my events. */
export function CabinetEvents({ viewerId }: CabinetEventsProps) {
  const { t } = useTranslation();
  const { timeZone } = useAppInfo();
  const myEvents = useMyEvents(timeZone);
  const { acknowledge, pendingEventId } = useAcknowledgeAssignment();
  const refetchMyEvents = useDebouncedCallback(() => {
    void myEvents.refetch().catch(() => {
      // Shown through the list's error; the next notification tries again.
    });
  }, 300);

  function showToasts(arrived: CrewNotification[]) {
    const newest = [...arrived].sort((a, b) => b.seq - a.seq);
    for (const notification of newest.slice(0, maxToasts)) {
      toasts.show({
        id: `crew-notification-${notification.seq}`,
        color: notificationColor(notification.kind),
        title: t(`cabinetEvents.kind.${notification.kind}`),
        message: notification.message,
        autoClose: 8_000,
        'data-testid': 'notification-toast',
        'data-kind': notification.kind,
      });
    }
    if (newest.length > maxToasts) {
      toasts.show({ message: t('cabinetEvents.notifications.more', { count: newest.length - maxToasts }) });
    }
  }

  const feed = useMyNotifications(viewerId, (arrived: CrewNotification[], arrival: NotificationArrival) => {
    if (arrival !== 'initial') {
      showToasts(arrived);
      refetchMyEvents();
    }
  });

  async function handleAcknowledge(eventId: string) {
    try {
      await acknowledge(eventId);
    } catch (error) {
      toasts.show({
        color: 'red',
        message: t('cabinetEvents.acknowledgeFailed', { message: (error as Error).message }),
      });
    }
  }

  return (
    <>
      <MyNotifications
        notifications={feed.notifications}
        seenUpTo={feed.seenUpTo}
        unseenCount={feed.unseenCount}
        live={feed.live}
        viewerId={viewerId}
        acknowledgingEventId={pendingEventId}
        onAcknowledge={(eventId) => void handleAcknowledge(eventId)}
        onMarkAllSeen={feed.markAllSeen}
      />
      <MyEvents
        events={myEvents.events}
        loading={myEvents.loading}
        error={myEvents.error}
        viewerId={viewerId}
        horizonDays={myEventsHorizonDays}
        acknowledgingEventId={pendingEventId}
        onAcknowledge={(eventId) => void handleAcknowledge(eventId)}
        onRetry={() => void myEvents.refetch()}
      />
    </>
  );
}
