import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import type { CrewNotification } from '../utils/cabinetEventTypes';
import { createNotificationTimeFormatter } from '../utils/createNotificationTimeFormatter';
import { latestSeqPerEvent } from '../utils/latestSeqPerEvent';
import { NotificationItem } from './NotificationItem';

export type MyNotificationsProps = {
  notifications: readonly CrewNotification[];
  seenUpTo: number;
  unseenCount: number;
  live: boolean;
  viewerId: string;
  acknowledgingEventId: string | null;
  onAcknowledge: (eventId: string) => void;
  onMarkAllSeen: () => void;
};

/** At first only the newest few, so that "My events" stays in reach on a phone. */
const collapsedCount = 5;

/** My notifications, newest first, new ones highlighted until I mark them as seen. */
export function MyNotifications({
  notifications,
  seenUpTo,
  unseenCount,
  live,
  viewerId,
  acknowledgingEventId,
  onAcknowledge,
  onMarkAllSeen,
}: MyNotificationsProps) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useAppInfo();
  const [expanded, setExpanded] = useState(false);
  const formatTime = useMemo(() => createNotificationTimeFormatter(i18n.language, timeZone), [i18n.language, timeZone]);
  const latest = useMemo(() => latestSeqPerEvent(notifications), [notifications]);
  const shown = expanded ? notifications : notifications.slice(0, collapsedCount);

  return (
    <Stack
      gap="sm"
      component="section"
      aria-labelledby="my-notifications-title"
      data-testid="cabinet-notifications"
      data-live={live}
    >
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={3} id="my-notifications-title">
            {t('cabinetEvents.notifications.title')}
          </Title>
          {unseenCount > 0 && (
            <Badge color="red" circle={unseenCount < 10} data-testid="notifications-unseen-count">
              {unseenCount}
            </Badge>
          )}
        </Group>
        {unseenCount > 0 && (
          <Button variant="subtle" size="compact-sm" onClick={onMarkAllSeen} data-testid="notifications-mark-seen">
            {t('cabinetEvents.notifications.markAllSeen')}
          </Button>
        )}
      </Group>
      {notifications.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="notifications-empty">
          {t('cabinetEvents.notifications.empty')}
        </Text>
      )}
      {shown.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-live="polite">
          {shown.map((notification) => (
            <NotificationItem
              key={notification.seq}
              notification={notification}
              viewerId={viewerId}
              unseen={notification.seq > seenUpTo}
              latestOfEvent={latest.has(notification.seq)}
              formatTime={formatTime}
              acknowledging={acknowledgingEventId === notification.eventId}
              onAcknowledge={onAcknowledge}
            />
          ))}
        </Stack>
      )}
      {notifications.length > collapsedCount && (
        <Button variant="subtle" size="compact-sm" onClick={() => setExpanded((value) => !value)} style={{ alignSelf: 'flex-start' }}>
          {expanded
            ? t('cabinetEvents.notifications.showFewer')
            : t('cabinetEvents.notifications.showAll', { count: notifications.length })}
        </Button>
      )}
    </Stack>
  );
}
