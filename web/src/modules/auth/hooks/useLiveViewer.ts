import { useSubscription } from '@apollo/client/react';
import { ViewerChangedSubscription } from '../graphql/viewerChangedSubscription';

/**
 * Keeps the signed-in viewer current: when an administrator changes my role or its permissions,
 * the new `Viewer` replaces the cached one (same id), so the navigation and the pages follow at once.
 */
export function useLiveViewer(): void {
  useSubscription(ViewerChangedSubscription);
}
