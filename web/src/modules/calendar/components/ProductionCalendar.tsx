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
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import ruLocale from '@fullcalendar/react/locales/ru';
import classicTheme from '@fullcalendar/react/themes/classic';
import { memo, type RefObject } from 'react';
import type { CalendarEventProps, CalendarViewName } from '../utils/calendarTypes';
import { firstDayOfWeek } from '../utils/firstDayOfWeek';
import { CalendarEventContent } from './CalendarEventContent';

const plugins = [classicTheme, dayGridPlugin, listPlugin, interactionPlugin];
const locales = { ru: ruLocale } as const;

/**
 * A month shows at most this many bars a day and "+N more" (a popover with the rest) beyond: a busy
 * month stays readable, and a live change re-renders a few hundred bars instead of thousands
 * (tests/bench, browser). Week and day views show every bar.
 */
export const MONTH_BARS_PER_DAY = 6;
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
  initialView: CalendarViewName;
  initialDate: string | undefined;
  timeZone: string;
  weekStart: number;
  language: string;
  /** The viewer may create events: selecting days opens the dialog. */
  selectable: boolean;
  drag: CalendarDragHandlers;
  onDatesSet: (info: DatesSetInfo) => void;
  onEventsSet: (events: EventApi[]) => void;
  onSelectDays: (info: DateSelectInfo) => void;
  onOpenEvent: (eventId: string) => void;
};

function renderEventContent(info: EventDisplayInfo) {
  return <CalendarEventContent info={info} />;
}

/**
 * FullCalendar set up for production events: month, week, day and list views; all-day bars in
 * the company time zone, week start and language; bars ordered by creation so an existing bar
 * never changes rows when another event appears. Its events come from one stable source and
 * are then changed one by one through the calendar API (see `useProductionEventsFeed`), so the
 * component itself re-renders only when its settings change.
 */
export const ProductionCalendar = memo(function ProductionCalendar({
  calendarRef,
  eventSources,
  initialView,
  initialDate,
  timeZone,
  weekStart,
  language,
  selectable,
  drag,
  onDatesSet,
  onEventsSet,
  onSelectDays,
  onOpenEvent,
}: ProductionCalendarProps) {
  function handleEventClick(info: EventClickInfo) {
    const props = info.event.extendedProps as CalendarEventProps;
    info.jsEvent.preventDefault();
    onOpenEvent(props.productionEvent.id);
  }

  return (
    <div className="lo-calendar-root" data-testid="production-calendar">
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
        eventOrder="sortKey"
        eventOrderStrict
        views={views}
        dayMaxEvents={false}
        editable={false}
        eventResizableFromStart
        selectable={selectable}
        selectMirror
        eventContent={renderEventContent}
        eventClick={handleEventClick}
        eventDragStart={drag.start}
        eventDragStop={drag.stop}
        eventResizeStart={drag.start}
        eventResizeStop={drag.stop}
        eventDrop={drag.save}
        eventResize={drag.save}
        select={onSelectDays}
        datesSet={onDatesSet}
        eventsSet={onEventsSet}
      />
    </div>
  );
});
