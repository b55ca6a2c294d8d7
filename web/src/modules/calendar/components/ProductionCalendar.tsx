import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import './ProductionCalendar.css';
import FullCalendar, {
  type CalendarRef,
  type DateSelectInfo,
  type DatesSetInfo,
  type EventApi,
  type EventChangeInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventSourceInput,
  type MoreLinkHandler,
  type MoreLinkInfo,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import ruLocale from '@fullcalendar/react/locales/ru';
import classicTheme from '@fullcalendar/react/themes/classic';
import { memo, useCallback, useState, type RefObject } from 'react';
import type { CalendarEventProps, CalendarViewName } from '../utils/calendarTypes';
import { compareCalendarBars } from '../utils/compareCalendarBars';
import { MONTH_BARS_PER_DAY, type CalendarBars } from '../utils/createCalendarBars';
import { createValueStore } from '../utils/createValueStore';
import { firstDayOfWeek } from '../utils/firstDayOfWeek';
import { BarHoverCard, createBarHover } from './BarHoverCard';
import { CalendarEventContent } from './CalendarEventContent';
import { MonthDayPopover, MonthMoreLink, type OpenMonthDay } from './MonthDayMore';

const plugins = [classicTheme, dayGridPlugin, listPlugin, interactionPlugin];
const locales = { ru: ruLocale } as const;

/** Week and day views show every bar; a month day its first few and "+N more" (see `createCalendarBars`). */
const views = { dayGridMonth: { dayMaxEvents: MONTH_BARS_PER_DAY } };

/** What happens when a bar is dragged or resized (see `useSaveCalendarDrag`). */
export interface CalendarDragHandlers {
  start: (info: { event: EventApi }) => void;
  stop: (info: { event: EventApi }) => void;
  save: (info: EventChangeInfo) => void;
}

export type ProductionCalendarProps = {
  calendarRef: RefObject<CalendarRef | null>;
  /** One stable source (keep the array's identity: a new one reloads everything). */
  eventSources: EventSourceInput[];
  /** The window's events, of which FullCalendar holds those it can draw (see `useProductionEventsFeed`). */
  bars: CalendarBars;
  initialView: CalendarViewName;
  initialDate: string | undefined;
  timeZone: string;
  weekStart: number;
  language: string;
  /** The viewer may create events: selecting days opens the dialog. */
  selectable: boolean;
  drag: CalendarDragHandlers;
  onDatesSet: (info: DatesSetInfo) => void;
  onSelectDays: (info: DateSelectInfo) => void;
  onOpenEvent: (eventId: string) => void;
};

function renderEventContent(info: EventDisplayInfo) {
  return <CalendarEventContent info={info} />;
}

/**
 * FullCalendar set up for production events: month, week, day and list views; all-day bars in
 * the company time zone, week start and language; bars ordered by creation so an existing bar
 * never changes rows when another event appears. A bar is drawn whole in its week row or not at
 * all (then it is under "+N more" on each of its days): a piece of it would read as a shorter
 * event. Its events come from one stable source and are then changed one by one through the
 * calendar API (see `useProductionEventsFeed`), so the component itself re-renders only when its
 * settings change.
 */
export const ProductionCalendar = memo(function ProductionCalendar({
  calendarRef,
  eventSources,
  bars,
  initialView,
  initialDate,
  timeZone,
  weekStart,
  language,
  selectable,
  drag,
  onDatesSet,
  onSelectDays,
  onOpenEvent,
}: ProductionCalendarProps) {
  function handleEventClick(info: EventClickInfo) {
    const props = info.event.extendedProps as CalendarEventProps;
    info.jsEvent.preventDefault();
    onOpenEvent(props.productionEvent.id);
  }

  // Outside this component's state: opening the day list or a hover card must not render the calendar again.
  const [openDay] = useState(() => createValueStore<OpenMonthDay | null>(null));
  const [hover] = useState(createBarHover);
  const renderMoreLink = useCallback((info: MoreLinkInfo) => <MonthMoreLink info={info} bars={bars} language={language} />, [bars, language]);
  // Our own list of the day: FullCalendar's popover would list only the events it holds.
  const handleMoreLinkClick = useCallback(
    (info: Parameters<MoreLinkHandler>[0]) => {
      const link = info.jsEvent.target instanceof Element ? info.jsEvent.target : null;
      const day = link?.closest('[data-date]')?.getAttribute('data-date');
      if (!link || !day) return;
      info.jsEvent.preventDefault();
      openDay.set({ day, anchor: link.getBoundingClientRect() });
    },
    [openDay],
  );

  return (
    <div className="lo-calendar-root" data-testid="production-calendar" {...hover.handlers}>
      <FullCalendar
        ref={calendarRef}
        plugins={plugins}
        initialView={initialView}
        initialDate={initialDate}
        headerToolbar={false}
        height="auto"
        timeZone={timeZone}
        locale={language in locales ? locales[language as keyof typeof locales] : 'en'}
        firstDay={firstDayOfWeek(weekStart)}
        eventSources={eventSources}
        eventOrder={compareCalendarBars}
        eventOrderStrict
        eventSlicing={false}
        views={views}
        dayMaxEvents={false}
        editable={false}
        eventResizableFromStart
        selectable={selectable}
        selectMirror
        eventContent={renderEventContent}
        moreLinkContent={renderMoreLink}
        // Its title would count only the bars FullCalendar hides, not the events it does not hold: the link's text carries the title.
        moreLinkHint=""
        moreLinkClick={handleMoreLinkClick}
        eventClick={handleEventClick}
        eventDragStart={drag.start}
        eventDragStop={drag.stop}
        eventResizeStart={drag.start}
        eventResizeStop={drag.stop}
        eventDrop={drag.save}
        eventResize={drag.save}
        select={onSelectDays}
        datesSet={onDatesSet}
      />
      <MonthDayPopover bars={bars} openDay={openDay} onOpenEvent={onOpenEvent} />
      <BarHoverCard bars={bars} hover={hover} />
    </div>
  );
});
