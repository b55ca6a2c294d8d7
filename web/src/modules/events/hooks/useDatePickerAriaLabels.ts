import type { CalendarAriaLabels } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/** Names of the calendar widget's controls for screen readers, in the interface language. */
export function useDatePickerAriaLabels(): CalendarAriaLabels {
  const { t } = useTranslation();
  return {
    monthLevelControl: t('events.picker.monthLevel'),
    yearLevelControl: t('events.picker.yearLevel'),
    nextMonth: t('events.picker.nextMonth'),
    previousMonth: t('events.picker.previousMonth'),
    nextYear: t('events.picker.nextYear'),
    previousYear: t('events.picker.previousYear'),
    nextDecade: t('events.picker.nextDecade'),
    previousDecade: t('events.picker.previousDecade'),
  };
}
