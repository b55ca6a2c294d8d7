import { hasPermission } from '../../auth/utils/hasPermission';

/** What the viewer may do on the client pages; only hides UI, the server checks every change. */
export interface ClientPermissions {
  /** Create, edit, change phone and state, archive (`client:manage`). */
  canManage: boolean;
  /** Sees the client's events (`event:read`); without it the event lists are not asked for. */
  canSeeEvents: boolean;
}

export function getClientPermissions(permissions: readonly string[]): ClientPermissions {
  return {
    canManage: hasPermission(permissions, 'client:manage'),
    canSeeEvents: hasPermission(permissions, 'event:read'),
  };
}
