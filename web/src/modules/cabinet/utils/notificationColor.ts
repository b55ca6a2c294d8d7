import type { NotificationKind } from './cabinetEventTypes';

const colors: Record<NotificationKind, string> = {
  ADDED: 'green',
  REMOVED: 'red',
  MOVED: 'orange',
  ROLE_CHANGED: 'violet',
  STATUS_CHANGED: 'blue',
  UPDATED: 'gray',
  CONFLICT: 'red',
};

/** The Mantine colour of a notification kind. */
export function notificationColor(kind: NotificationKind): string {
  return colors[kind];
}
