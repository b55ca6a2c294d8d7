/** One entry of the side navigation. */
export interface NavigationItem {
  /** Stable id; the link's test id is `nav-<key>`. */
  key: string;
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  /** Permission needed to see it; `null` for items every signed-in viewer has. */
  permission: string | null;
  /** Whether the page is still a "later release" placeholder. */
  placeholder: boolean;
}

/** The side navigation, in display order. */
export const navigationItems: readonly NavigationItem[] = [
  { key: 'dashboard', path: '/dashboard', labelKey: 'nav.dashboard', permission: 'reports:read', placeholder: false },
  { key: 'calendar', path: '/calendar', labelKey: 'nav.calendar', permission: 'event:read', placeholder: false },
  { key: 'crew-schedule', path: '/crew-schedule', labelKey: 'nav.crewSchedule', permission: 'event:read', placeholder: false },
  { key: 'equipment', path: '/equipment', labelKey: 'nav.equipment', permission: 'equipment:read', placeholder: false },
  { key: 'clients', path: '/clients', labelKey: 'nav.clients', permission: 'client:read', placeholder: false },
  { key: 'staff', path: '/staff', labelKey: 'nav.staff', permission: 'staff:manage', placeholder: false },
  { key: 'roles', path: '/roles', labelKey: 'nav.roles', permission: 'role:manage', placeholder: false },
  { key: 'journal', path: '/journal', labelKey: 'nav.journal', permission: 'journal:read', placeholder: false },
  { key: 'reports', path: '/reports', labelKey: 'nav.reports', permission: 'reports:read', placeholder: false },
  { key: 'settings', path: '/settings', labelKey: 'nav.settings', permission: 'settings:manage', placeholder: false },
  { key: 'backups', path: '/settings/backups', labelKey: 'nav.backups', permission: 'backup:run', placeholder: false },
  { key: 'webhooks', path: '/settings/webhooks', labelKey: 'nav.webhooks', permission: 'settings:manage', placeholder: false },
  { key: 'cabinet', path: '/me', labelKey: 'nav.cabinet', permission: null, placeholder: false },
  { key: 'playground', path: '/playground', labelKey: 'nav.playground', permission: null, placeholder: false },
];
