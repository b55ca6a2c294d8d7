import { hasPermission } from '../../auth/utils/hasPermission';
import type { ProductionEvent } from './productionEventTypes';

/** What the viewer may do on an event page; only hides UI, the server checks every change. */
export interface EventPermissions {
  /** Edit fields and change the status: any event, or one they manage and may create. */
  canEdit: boolean;
  canAssignCrew: boolean;
  canDelete: boolean;
  canDuplicate: boolean;
  /** On the crew with a change not yet acknowledged. */
  canAcknowledge: boolean;
  /** Sees who on the crew has not acknowledged yet (managers). */
  seesAcknowledgements: boolean;
}

export function getEventPermissions(
  viewer: { id: string; permissions: readonly string[] },
  event: Pick<ProductionEvent, 'manager' | 'crew' | 'deletedAt'>,
): EventPermissions {
  const can = (permission: string) => hasPermission(viewer.permissions, permission);
  const live = !event.deletedAt;
  const ownEvent = event.manager?.id === viewer.id;
  const mine = event.crew.find((member) => member.person.id === viewer.id);
  return {
    canEdit: live && (can('event:update-any') || (ownEvent && can('event:create'))),
    canAssignCrew: live && can('crew:assign'),
    canDelete: can('event:delete'),
    canDuplicate: live && can('event:create'),
    canAcknowledge: live && mine !== undefined && !mine.acknowledgedAt,
    seesAcknowledgements: can('crew:assign') || can('event:update-any'),
  };
}
