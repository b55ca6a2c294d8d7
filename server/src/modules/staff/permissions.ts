/**
 * The permission catalogue of SPEC §5. Roles are sets of these strings; every operation names the
 * one it needs. Features that arrive later already have their permission here so roles are stable.
 */
export const PERMISSIONS = {
  'event:read': { area: 'Events', description: 'See the calendar, events and the crew schedule.' },
  'event:create': { area: 'Events', description: 'Create events and duplicate them.' },
  'event:update-any': { area: 'Events', description: 'Edit, move and change the status of any event, not only own ones.' },
  'event:delete': { area: 'Events', description: 'Move events to the trash and restore them.' },
  'crew:assign': { area: 'Events', description: 'Put people on events and remove them.' },
  'equipment:read': { area: 'Equipment', description: 'See the equipment catalogue, stock and availability.' },
  'equipment:manage': { area: 'Equipment', description: 'Edit the equipment catalogue, units, cases and imports.' },
  'equipment:checkout': { area: 'Equipment', description: 'Check gear out to events and back in.' },
  'repair:manage': { area: 'Equipment', description: 'Open, route and close repairs.' },
  'client:read': { area: 'Clients', description: 'See clients and their events.' },
  'client:manage': { area: 'Clients', description: 'Create, edit, archive and un-archive clients.' },
  'staff:manage': { area: 'Administration', description: 'Create, edit, deactivate accounts and reset their passwords.' },
  'role:manage': { area: 'Administration', description: 'Create, edit and delete roles and their permissions.' },
  'journal:read': { area: 'Administration', description: 'Read the audit journal of every change.' },
  'reports:read': { area: 'Reports', description: 'See the dashboard figures and reports and download them.' },
  'settings:manage': { area: 'Administration', description: 'Change company settings, crew roles and webhooks.' },
  'backup:run': { area: 'Administration', description: 'Make and download backups.' },
} as const satisfies Record<string, { area: string; description: string }>;

export type PermissionKey = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as PermissionKey[];

export function isPermission(value: string): value is PermissionKey {
  return Object.hasOwn(PERMISSIONS, value);
}

/** The four roles every installation ships with. */
export const BUILT_IN_ROLES: ReadonlyArray<{ name: string; permissions: readonly PermissionKey[] }> = [
  { name: 'Administrator', permissions: ALL_PERMISSIONS },
  {
    name: 'Manager',
    permissions: [
      'event:read',
      'event:create',
      'event:update-any',
      'event:delete',
      'crew:assign',
      'equipment:read',
      'client:read',
      'client:manage',
      'reports:read',
    ],
  },
  { name: 'Engineer', permissions: ['event:read', 'equipment:read', 'client:read'] },
  {
    name: 'Storekeeper',
    permissions: ['event:read', 'equipment:read', 'equipment:manage', 'equipment:checkout', 'repair:manage', 'client:read'],
  },
];
