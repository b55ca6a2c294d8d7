import { describe, expect, it } from 'vitest';
import { activeNavigationKey } from './activeNavigationKey';
import { navigationItems } from './navigationItems';

describe('activeNavigationKey', () => {
  it('a sub-page lights up its own item only, not its parent', () => {
    expect(activeNavigationKey(navigationItems, '/settings/webhooks')).toBe('webhooks');
    expect(activeNavigationKey(navigationItems, '/settings/backups')).toBe('backups');
    expect(activeNavigationKey(navigationItems, '/settings')).toBe('settings');
  });

  it('a page below an item belongs to it; an unknown page to none', () => {
    expect(activeNavigationKey(navigationItems, '/clients/123')).toBe('clients');
    expect(activeNavigationKey(navigationItems, '/calendarx')).toBeNull();
    expect(activeNavigationKey(navigationItems, '/nowhere')).toBeNull();
  });
});
