import type { EventDisplayInfo } from '@fullcalendar/react';
import { HoverCard } from '@mantine/core';
import { memo } from 'react';
import { IconAlertTriangle } from './IconAlertTriangle';
import type { CalendarEventProps } from '../utils/calendarTypes';
import { ProductionEventCard } from './ProductionEventCard';

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
 * One bar (or list row) of an event: its title, a problem mark, and the hover card. FullCalendar
 * renders every bar's content again on any change; memoised on the event's data, only the bars
 * that changed do real work (tests/bench).
 */
export const CalendarEventContent = memo(function CalendarEventContent({ info }: CalendarEventContentProps) {
  const props = info.event.extendedProps as CalendarEventProps;
  const event = props.productionEvent;
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
      data-mirror={info.isMirror || undefined}
    >
      {event.problems.length > 0 && <IconAlertTriangle size={12} />}
      <span className="lo-calendar-event-title">{event.title}</span>
    </div>
  );
  if (info.isMirror || info.isDragging || info.isResizing) return content;
  return (
    <HoverCard openDelay={350} closeDelay={100} width={320} shadow="md" withinPortal position="bottom-start">
      <HoverCard.Target>{content}</HoverCard.Target>
      <HoverCard.Dropdown data-testid="calendar-event-card">
        <ProductionEventCard event={event} />
      </HoverCard.Dropdown>
    </HoverCard>
  );
}, sameBar);
