import type { MoreLinkInfo } from '@fullcalendar/react';
import { Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { memo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { statusHexColor } from '../../events/utils/statusColor';
import type { CalendarBars } from '../utils/createCalendarBars';
import { calendarEventClassNames } from '../utils/toCalendarEventInputs';
import { CalendarBar } from './CalendarEventContent';

/** A month day's "+N more": the bars FullCalendar hides there plus the events it does not hold. */
export function MonthMoreLink({ info, bars }: { info: MoreLinkInfo; bars: CalendarBars }) {
  // Set by our FullCalendar patch (patches/) on a day cell's link.
  const day = (info as MoreLinkInfo & { dateStr?: string }).dateStr ?? null;
  return <MoreLinkText hidden={info.num} narrow={info.isNarrow} day={day} bars={bars} />;
}

/** FullCalendar renders every link of a row again on any change in it; memoised, only changed counts do work. */
const MoreLinkText = memo(function MoreLinkText({ hidden, narrow, day, bars }: { hidden: number; narrow: boolean; day: string | null; bars: CalendarBars }) {
  const { t } = useTranslation();
  const unheld = useSyncExternalStore(bars.subscribe, () => (day ? bars.unheldOn(day) : 0));
  const count = hidden + unheld;
  return <span data-testid="calendar-more-link">{narrow ? `+${count}` : t('calendar.moreLink', { count })}</span>;
});

export interface OpenMonthDay {
  day: string;
  /** Where the link was, in the viewport. */
  anchor: DOMRect;
}

export type MonthDayPopoverProps = {
  bars: CalendarBars;
  open: OpenMonthDay | null;
  onClose: () => void;
  onOpenEvent: (eventId: string) => void;
};

/** Every event of a month day in bar order, opened from its "+N more"; a click opens the event. */
export function MonthDayPopover({ bars, open, onClose, onOpenEvent }: MonthDayPopoverProps) {
  const { i18n } = useTranslation();
  // Follows live changes while open.
  useSyncExternalStore(bars.subscribe, bars.version);
  if (!open) return null;
  const events = bars.eventsOn(open.day);
  const title = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${open.day}T00:00:00Z`),
  );
  const { anchor } = open;
  return (
    <Popover opened onDismiss={onClose} position="bottom-start" width={280} shadow="md" withinPortal trapFocus returnFocus>
      <Popover.Target>
        <div style={{ position: 'fixed', left: anchor.left, top: anchor.top, width: anchor.width, height: anchor.height, pointerEvents: 'none' }} />
      </Popover.Target>
      <Popover.Dropdown data-testid="calendar-day-popover" mah={360} style={{ overflowY: 'auto' }}>
        <Text fw={600} size="sm" mb="xs">
          {title}
        </Text>
        <Stack gap={2}>
          {events.map((event) => (
            <UnstyledButton
              key={event.id}
              className={`lo-calendar-day-item ${calendarEventClassNames(event)}`}
              style={{ backgroundColor: statusHexColor(event.status) }}
              onClick={() => {
                onClose();
                onOpenEvent(event.id);
              }}
            >
              <CalendarBar event={event} withCard />
            </UnstyledButton>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
