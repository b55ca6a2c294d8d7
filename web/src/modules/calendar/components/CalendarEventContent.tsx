import type { EventDisplayInfo } from '@fullcalendar/react';
import { memo } from 'react';
import { IconAlertTriangle } from './IconAlertTriangle';
import type { CalendarEventProps, CalendarProductionEvent } from '../utils/calendarTypes';

export type CalendarBarProps = {
  event: CalendarProductionEvent;
  /** The copy under the pointer while dragging. */
  mirror?: boolean;
};

/**
 * The inside of one bar: its title and a problem mark. Its hover card is the calendar's one
 * (`createBarHover`), for the bars FullCalendar draws and those of a day's list alike.
 */
export function CalendarBar({ event, mirror = false }: CalendarBarProps) {
  return (
    <div
      className="lo-calendar-event-content"
      data-testid="calendar-event"
      data-event-id={event.id}
      data-status={event.status}
      data-version={event.version}
      data-start={event.startDate}
      data-end={event.endDate}
      data-problems={event.problems.length}
      data-mirror={mirror || undefined}
    >
      {event.problems.length > 0 && <IconAlertTriangle size={12} />}
      <span className="lo-calendar-event-title">{event.title}</span>
    </div>
  );
}

export type CalendarEventContentProps = {
  info: EventDisplayInfo;
};

function sameBar(previous: CalendarEventContentProps, next: CalendarEventContentProps): boolean {
  const a = previous.info;
  const b = next.info;
  return (
    (a.event.extendedProps as CalendarEventProps).productionEvent === (b.event.extendedProps as CalendarEventProps).productionEvent &&
    a.isMirror === b.isMirror &&
    a.isDragging === b.isDragging &&
    a.isResizing === b.isResizing &&
    a.event.title === b.event.title
  );
}

/**
 * One FullCalendar bar (or list row) of an event. FullCalendar renders every bar's content again
 * on any change; memoised on the event's data, only the bars that changed do real work (tests/bench).
 */
export const CalendarEventContent = memo(function CalendarEventContent({ info }: CalendarEventContentProps) {
  const event = (info.event.extendedProps as CalendarEventProps).productionEvent;
  return <CalendarBar event={event} mirror={info.isMirror} />;
}, sameBar);
