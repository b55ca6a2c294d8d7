import { skipToken, useSubscription } from '@apollo/client/react';
import { EventCalendarChangedSubscription } from '../graphql/eventCalendarChangedSubscription';
import { asDay } from '../utils/asDay';
import type { ProductionEvent } from '../utils/productionEventTypes';

/**
 * Listens to calendar changes over the event's reserved days. Each change carries the changed
 * event as it is now with the page's own fields, so Apollo writes it into the normalised cache
 * and the page re-renders with it — another manager's edit shows without a reload. Changes of
 * neighbouring events (e.g. a new double booking) update this event's problems the same way.
 */
export function useEventLiveUpdates(event: Pick<ProductionEvent, 'busyFrom' | 'busyTo'> | undefined): void {
  useSubscription(
    EventCalendarChangedSubscription,
    event ? { variables: { from: asDay(event.busyFrom), to: asDay(event.busyTo) }, ignoreResults: true } : skipToken,
  );
}
