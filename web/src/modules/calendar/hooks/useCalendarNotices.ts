import { notifications, type NotificationData } from '@mantine/notifications';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarConflict } from '../utils/calendarTypes';
import { conflictKey } from '../utils/conflictKey';
import type { WriteRefusal } from '../utils/describeWriteRefusal';
import { formatDayRange } from '../utils/formatDayRange';
import { formatList } from '../utils/formatList';
import { recentConflictNotices } from '../utils/recentConflictNotices';

function show(data: NotificationData, testId: string): void {
  notifications.show({ ...data, 'data-testid': testId } as NotificationData);
}

/** The calendar's messages: why a change was refused, and double bookings it caused. */
export function useCalendarNotices() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  const describeConflict = useCallback(
    (conflict: CalendarConflict) =>
      t('calendar.conflict.line', {
        person: conflict.person.name,
        other: conflict.otherEvent.title,
        days: formatDayRange(conflict.fromDate, conflict.toDate, language),
      }),
    [t, language],
  );

  /** Double bookings, each once per tab however many times it is reported. */
  const showConflicts = useCallback(
    (conflicts: readonly CalendarConflict[]) => {
      const fresh = conflicts.filter((conflict) => recentConflictNotices.claim(conflictKey(conflict)));
      if (fresh.length === 0) return;
      show(
        {
          color: 'orange',
          autoClose: 10_000,
          title: t('calendar.conflict.title', { count: fresh.length }),
          message: fresh.map(describeConflict).join('\n'),
          style: { whiteSpace: 'pre-line' },
        },
        'calendar-conflict-notice',
      );
    },
    [t, describeConflict],
  );

  /** Why the server refused to change `title`; the change has already been undone on screen. */
  const showRefusal = useCallback(
    (refusal: WriteRefusal, title: string) => {
      let message: string;
      switch (refusal.kind) {
        case 'stale':
          message = t('calendar.refused.stale', {
            who: refusal.changedBy.length > 0 ? formatList(refusal.changedBy, language) : t('calendar.someoneElse'),
            fields: formatList(
              refusal.fields.map((field) => t(`calendar.field.${field}`, { defaultValue: field })),
              language,
            ),
            title,
          });
          break;
        case 'blocked':
          message = [t('calendar.refused.blocked', { title }), ...refusal.conflicts.map(describeConflict)].join('\n');
          break;
        case 'forbidden':
          message = t('calendar.refused.forbidden', { title });
          break;
        default:
          message = t('calendar.refused.other', { title, message: refusal.message });
      }
      show(
        {
          color: 'red',
          autoClose: 12_000,
          title: t('calendar.refused.title'),
          message,
          style: { whiteSpace: 'pre-line' },
        },
        `calendar-refusal-${refusal.kind}`,
      );
    },
    [t, language, describeConflict],
  );

  return useMemo(() => ({ showConflicts, showRefusal }), [showConflicts, showRefusal]);
}
