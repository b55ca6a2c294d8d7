import type { NavigationItem } from './navigationItems';

/**
 * The one item a path belongs to: the deepest item whose path is the path or a parent of it, so
 * /settings/webhooks lights up Webhooks, not Settings as well.
 */
export function activeNavigationKey(items: readonly NavigationItem[], pathname: string): string | null {
  let best: NavigationItem | null = null;
  for (const item of items) {
    const matches = pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key ?? null;
}
