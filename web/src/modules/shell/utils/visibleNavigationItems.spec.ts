import { describe, expect, it } from 'vitest';
import { navigationItems } from './navigationItems';
import { visibleNavigationItems } from './visibleNavigationItems';

const keys = (permissions: string[]) => visibleNavigationItems(permissions).map((item) => item.key);

describe('visibleNavigationItems', () => {
  it('always shows the cabinet and the playground', () => {
    expect(keys([])).toEqual(['cabinet', 'playground']);
  });

  it('shows a manager events, equipment, clients and reports', () => {
    const manager = [
      'event:read', 'event:create', 'event:update-any', 'event:delete', 'crew:assign',
      'equipment:read', 'client:read', 'client:manage', 'reports:read',
    ];
    expect(keys(manager)).toEqual([
      'dashboard', 'calendar', 'crew-schedule', 'equipment', 'clients', 'reports', 'cabinet', 'playground',
    ]);
  });

  it('shows an administrator everything', () => {
    const admin = [
      'event:read', 'equipment:read', 'client:read', 'staff:manage', 'role:manage',
      'journal:read', 'reports:read', 'settings:manage', 'backup:run',
    ];
    expect(keys(admin)).toEqual(navigationItems.map((item) => item.key));
  });
});
