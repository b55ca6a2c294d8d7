import { useSubscription } from '@apollo/client/react';
import { ConflictRaisedSubscription } from '../graphql/conflictRaisedSubscription';
import { toCalendarConflict } from '../utils/toCalendarConflict';
import { useCalendarNotices } from './useCalendarNotices';

/** Double bookings raised by anyone, as toasts, while `enabled` (for managers: `crew:assign`). */
export function useConflictToasts(enabled: boolean): void {
  const { showConflicts } = useCalendarNotices();
  useSubscription(ConflictRaisedSubscription, {
    skip: !enabled,
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data: result }) => {
      const raw = result.data?.conflictRaised;
      if (raw) showConflicts([toCalendarConflict(raw)]);
    },
  });
}
