import { Code, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDayRange } from '../../crew-schedule/utils/formatDayRange';
import type { FieldChange } from '../utils/cabinetEventTypes';
import { formatChangeValue, type ChangeValueFormatters } from '../utils/formatChangeValue';

export type NotificationChangesProps = {
  changes: readonly FieldChange[];
};

/** What changed, one field per line: "Start date: Mon, Mar 10 → Wed, Mar 12". */
export function NotificationChanges({ changes }: NotificationChangesProps) {
  const { t, i18n } = useTranslation();
  if (changes.length === 0) return null;
  const format: ChangeValueFormatters = {
    day: (date) => formatDayRange(date, date, i18n.language),
    status: (status) => t(`cabinetEvents.status.${status}`, { defaultValue: status }),
    boolean: (value) => t(value ? 'cabinetEvents.yes' : 'cabinetEvents.no'),
  };

  return (
    <List size="sm" spacing={2} listStyleType="none" withPadding={false} data-testid="notification-changes">
      {changes.map((change) => {
        const before = formatChangeValue(change.field, change.oldValue, format);
        const after = formatChangeValue(change.field, change.newValue, format);
        const label = t(`cabinetEvents.field.${change.field}`, { defaultValue: change.field });
        return (
          <List.Item key={change.field} data-testid="notification-change" data-field={change.field}>
            <Text span size="sm" fw={600}>
              {label}
            </Text>
            {before === null || after === null ? (
              <Text span size="sm">
                {' '}
                {t('cabinetEvents.changed')}
              </Text>
            ) : (
              <>
                {': '}
                <Code data-testid="change-old">{before}</Code> →{' '}
                <Code data-testid="change-new">{after}</Code>
              </>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
