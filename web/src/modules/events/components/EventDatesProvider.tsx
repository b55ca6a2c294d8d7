import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { toDayOfWeek } from '../utils/toDayOfWeek';

export type EventDatesProviderProps = {
  children: ReactNode;
};

/** Date pickers in the interface language, with weeks starting on the company's day. */
export function EventDatesProvider({ children }: EventDatesProviderProps) {
  const { i18n } = useTranslation();
  const { weekStart } = useAppInfo();
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: toDayOfWeek(weekStart) }}>
      {children}
    </DatesProvider>
  );
}
