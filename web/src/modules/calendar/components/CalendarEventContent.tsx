import type { EventDisplayInfo } from '@fullcalendar/react';
import { HoverCard } from '@mantine/core';
import { memo } from 'react';
import { IconAlertTriangle } from './IconAlertTriangle';
import type { CalendarEventProps, CalendarProductionEvent } from '../utils/calendarTypes';
import { ProductionEventCard } from './ProductionEventCard';

export type CalendarBarProps = {
  event: CalendarProductionEvent;
  /** The copy under the pointer while dragging. */
  mirror?: boolean;
  /** With a hover card of its own (bars outside the calendar, e.g. a day's list). */
  withCard: boolean;
};

/** The inside of one bar: its title, a problem mark, and the hover card. */
export function CalendarBar({ event, mirror = false, withCard }: CalendarBarProps) {
  const content = (
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
  if (!withCard) return content;
  return (
    <HoverCard openDelay={350} closeDelay={100} width={320} shadow="md" withinPortal position="bottom-start">
      <HoverCard.Target>{content}</HoverCard.Target>
      <HoverCard.Dropdown data-testid="calendar-event-card">
        <ProductionEventCard event={event} />
      </HoverCard.Dropdown>
    </HoverCard>
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
 * One FullCalendar bar (or list row) of an event; its hover card is the calendar's one
 * (`useBarHoverCard`). FullCalendar renders every bar's content again on any change; memoised on
 * the event's data, only the bars that changed do real work (tests/bench).
 */
export const CalendarEventContent = memo(function CalendarEventContent({ info }: CalendarEventContentProps) {
  const event = (info.event.extendedProps as CalendarEventProps).productionEvent;
  return <CalendarBar event={event} mirror={info.isMirror} withCard={false} />;
}, sameBar);
