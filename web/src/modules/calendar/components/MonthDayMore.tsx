import type { MoreLinkInfo } from '@fullcalendar/react';
import { Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { memo, useSyncExternalStore } from 'react';
import { i18n } from '../../../i18n/i18n';
import { useTranslation } from 'react-i18next';
import { statusHexColor } from '../../events/utils/statusColor';
import type { CalendarBars } from '../utils/createCalendarBars';
import { calendarEventClassNames } from '../utils/toCalendarEventInputs';
import type { ValueStore } from '../utils/createValueStore';
import { CalendarBar } from './CalendarEventContent';
import { ViewportAnchor } from './ViewportAnchor';

/** A month day's "+N more": the bars FullCalendar hides there plus the events it does not hold. */
export function MonthMoreLink({ info, bars, language }: { info: MoreLinkInfo; bars: CalendarBars; language: string }) {
  // Set by our FullCalendar patch (patches/) on a day cell's link.
  const day = (info as MoreLinkInfo & { dateStr?: string }).dateStr ?? null;
  return <MoreLinkText hidden={info.num} narrow={info.isNarrow} day={day} bars={bars} language={language} />;
}

type MoreLinkTextProps = { hidden: number; narrow: boolean; day: string | null; bars: CalendarBars; language: string };

/** FullCalendar renders every link of a row again on any change in it; memoised, only changed counts do work. */
const MoreLinkText = memo(function MoreLinkText({ hidden, narrow, day, bars, language }: MoreLinkTextProps) {
  const unheld = useSyncExternalStore(bars.subscribe, () => (day ? bars.unheldOn(day) : 0));
  const count = hidden + unheld;
  // The title here, not FullCalendar's on the link (the calendar blanks it): that one counts only the bars it hides.
  return (
    <span data-testid="calendar-more-link" title={countText('calendar.moreLinkHint', language, count)}>
      {narrow ? `+${count}` : countText('calendar.moreLink', language, count)}
    </span>
  );
});

/** A text with a count in a language, formatted once per count (i18next's `t` is slow for a whole month of links). */
const countTexts = new Map<string, string>();
function countText(key: 'calendar.moreLink' | 'calendar.moreLinkHint', language: string, count: number): string {
  const cacheKey = `${key}|${language}|${count}`;
  let text = countTexts.get(cacheKey);
  if (text === undefined) countTexts.set(cacheKey, (text = i18n.t(key, { count, lng: language })));
  return text;
}

export interface OpenMonthDay {
  day: string;
  /** Where the link was, in the viewport. */
  anchor: DOMRect;
}

export type MonthDayPopoverProps = {
  bars: CalendarBars;
  /** The day shown (null: closed); set by the calendar's moreLinkClick. */
  openDay: ValueStore<OpenMonthDay | null>;
  onOpenEvent: (eventId: string) => void;
};

/** Every event of a month day in bar order, opened from its "+N more"; a click opens the event. */
export function MonthDayPopover({ bars, openDay, onOpenEvent }: MonthDayPopoverProps) {
  const open = useSyncExternalStore(openDay.subscribe, openDay.get);
  if (!open) return null;
  return <MonthDayList day={open.day} anchor={open.anchor} bars={bars} onClose={() => openDay.set(null)} onOpenEvent={onOpenEvent} />;
}

type MonthDayListProps = {
  day: string;
  anchor: DOMRect;
  bars: CalendarBars;
  onClose: () => void;
  onOpenEvent: (eventId: string) => void;
};

/** The open list; only it follows live changes, so a closed list costs a live change nothing. */
function MonthDayList({ day, anchor, bars, onClose, onOpenEvent }: MonthDayListProps) {
  const { language } = useTranslation().i18n;
  useSyncExternalStore(bars.subscribe, bars.version);
  const events = bars.eventsOn(day);
  const title = new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
  return (
    <Popover opened onDismiss={onClose} position="bottom-start" width={280} shadow="md" withinPortal trapFocus returnFocus>
      <Popover.Target>
        <ViewportAnchor rect={anchor} />
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
              <CalendarBar event={event} />
            </UnstyledButton>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
