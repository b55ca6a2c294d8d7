import { Popover } from '@mantine/core';
import { useSyncExternalStore, type MouseEvent } from 'react';
import type { CalendarBars } from '../utils/createCalendarBars';
import { createValueStore, type ValueStore } from '../utils/createValueStore';
import { ProductionEventCard } from './ProductionEventCard';
import { ViewportAnchor } from './ViewportAnchor';

const OPEN_DELAY_MS = 350;
const CLOSE_DELAY_MS = 100;
const BAR_SELECTOR = '[data-testid="calendar-event"]:not([data-mirror])';

interface Hovered {
  eventId: string;
  /** Where the bar was, in the viewport, when the card opened. */
  anchor: DOMRect;
}

export interface BarHover {
  hovered: ValueStore<Hovered | null>;
  /** For the calendar root (delegated: one listener for every bar, the day list's too, whose events bubble through React's portal). */
  handlers: {
    onMouseOver(event: MouseEvent): void;
    onMouseOut(event: MouseEvent): void;
    onMouseDown(): void;
  };
  /** The pointer entered or left the card. */
  keepOpen(): void;
  leaveCard(): void;
}

function barOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(BAR_SELECTOR) : null;
}

/**
 * One hover card for every bar of the calendar, instead of one per bar: a month redraws its bars
 * on every live change, and a card per bar made each of them a popover to mount (tests/bench).
 * The card opens after a short rest on a bar, stays while the pointer is on the bar or the card,
 * and closes on a press (a drag begins).
 */
export function createBarHover(): BarHover {
  const hovered = createValueStore<Hovered | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: HTMLElement | null = null;
  const later = (action: () => void, delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(action, delay);
  };
  const close = () => hovered.set(null);
  return {
    hovered,
    handlers: {
      onMouseOver(event) {
        const bar = barOf(event.target);
        if (!bar || bar === pending) return;
        pending = bar;
        later(() => {
          const eventId = bar.dataset['eventId'];
          if (bar.isConnected && eventId) hovered.set({ eventId, anchor: bar.getBoundingClientRect() });
        }, OPEN_DELAY_MS);
      },
      onMouseOut(event) {
        const bar = barOf(event.target);
        if (!bar || bar.contains(event.relatedTarget as Node | null)) return;
        pending = null;
        later(close, CLOSE_DELAY_MS);
      },
      onMouseDown() {
        clearTimeout(timer);
        pending = null;
        close();
      },
    },
    keepOpen: () => clearTimeout(timer),
    leaveCard: () => later(close, CLOSE_DELAY_MS),
  };
}

/** The card of the hovered bar's event, kept current by live changes while open. */
export function BarHoverCard({ bars, hover }: { bars: CalendarBars; hover: BarHover }) {
  const hovered = useSyncExternalStore(hover.hovered.subscribe, hover.hovered.get);
  const event = useSyncExternalStore(bars.subscribe, () => (hovered ? bars.get(hovered.eventId)?.event : undefined));
  if (!hovered || !event) return null;
  return (
    <Popover opened position="bottom-start" width={320} shadow="md" withinPortal>
      <Popover.Target>
        <ViewportAnchor rect={hovered.anchor} />
      </Popover.Target>
      <Popover.Dropdown data-testid="calendar-event-card" onMouseEnter={hover.keepOpen} onMouseLeave={hover.leaveCard}>
        <ProductionEventCard event={event} />
      </Popover.Dropdown>
    </Popover>
  );
}
