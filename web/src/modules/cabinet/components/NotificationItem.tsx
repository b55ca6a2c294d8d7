import { useFragment } from '@apollo/client/react';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDayRange } from '../../crew-schedule/utils/formatDayRange';
import { MyEventFieldsFragment } from '../graphql/myEventFieldsFragment';
import type { CrewNotification, MyEvent } from '../utils/cabinetEventTypes';
import { notificationColor } from '../utils/notificationColor';
import { AcknowledgementControl } from './AcknowledgementControl';
import { NotificationChanges } from './NotificationChanges';

export type NotificationItemProps = {
  notification: CrewNotification;
  viewerId: string;
  unseen: boolean;
  /** Whether this is the newest notification of its event (the one that offers "Acknowledge"). */
  latestOfEvent: boolean;
  formatTime: (iso: string) => string;
  acknowledging: boolean;
  onAcknowledge: (eventId: string) => void;
};

/** One notification: what kind, the message, what changed, the event, and "Acknowledge". */
export function NotificationItem({
  notification,
  viewerId,
  unseen,
  latestOfEvent,
  formatTime,
  acknowledging,
  onAcknowledge,
}: NotificationItemProps) {
  const { t, i18n } = useTranslation();
  // The event as the cache has it now (an acknowledgement or a later change updates it there).
  const current = useFragment({
    fragment: MyEventFieldsFragment,
    from: { __typename: 'ProductionEvent', id: notification.eventId },
  });
  const event = (current.complete ? current.data : notification.event) as MyEvent | null;
  const { conflict } = notification;

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="li"
      bg={unseen ? 'var(--mantine-primary-color-light)' : undefined}
      data-testid="cabinet-notification"
      data-seq={notification.seq}
      data-kind={notification.kind}
      data-event-id={notification.eventId}
      data-unseen={unseen || undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Badge color={notificationColor(notification.kind)} data-testid="notification-kind">
              {t(`cabinetEvents.kind.${notification.kind}`)}
            </Badge>
            {unseen && (
              <Badge variant="outline" size="sm">
                {t('cabinetEvents.notifications.new')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            <time dateTime={notification.at}>{formatTime(notification.at)}</time>
            {notification.actorName && ` · ${notification.actorName}`}
          </Text>
        </Group>
        <Text size="sm" data-testid="notification-message">
          {notification.message}
        </Text>
        <NotificationChanges changes={notification.changes} />
        {conflict && (
          <Text size="sm" c="red" data-testid="notification-conflict">
            {t('cabinetEvents.conflictWith', {
              days: formatDayRange(conflict.fromDate, conflict.toDate, i18n.language),
            })}{' '}
            <Anchor component={Link} to={`/events/${conflict.otherEvent.id}`} size="sm">
              {conflict.otherEvent.title}
            </Anchor>
          </Text>
        )}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/events/${notification.eventId}`} size="sm" data-testid="notification-event-link">
            {event?.title ?? t('cabinetEvents.openEvent')}
          </Anchor>
          {latestOfEvent && event && (
            <AcknowledgementControl
              event={event}
              viewerId={viewerId}
              pending={acknowledging}
              onAcknowledge={onAcknowledge}
            />
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
