import { hasPermission } from '../../auth/utils/hasPermission';
import { navigationItems, type NavigationItem } from './navigationItems';

/** The navigation items a viewer with these permissions may see. */
export function visibleNavigationItems(permissions: readonly string[]): NavigationItem[] {
  return navigationItems.filter(
    (item) => item.permission === null || hasPermission(permissions, item.permission),
  );
}
