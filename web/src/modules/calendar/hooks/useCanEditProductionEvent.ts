import { useCallback } from 'react';
import { useViewer } from '../../auth/hooks/useViewer';
import type { CalendarProductionEvent } from '../utils/calendarTypes';
import { canEditProductionEvent } from '../utils/canEditProductionEvent';

/** Whether the signed-in viewer may drag a given event (stable between renders). */
export function useCanEditProductionEvent() {
  const viewer = useViewer();
  const { id, permissions } = viewer;
  return useCallback(
    (event: Pick<CalendarProductionEvent, 'manager'>) => canEditProductionEvent(event, { id, permissions }),
    [id, permissions],
  );
}
