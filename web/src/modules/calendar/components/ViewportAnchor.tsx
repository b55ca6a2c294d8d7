import type { Ref } from 'react';

/**
 * An invisible box over a viewport rectangle: the target of a popover anchored to something
 * FullCalendar drew. The popover positions itself from the box, through `ref`.
 */
export function ViewportAnchor({ rect, ref }: { rect: DOMRect; ref?: Ref<HTMLDivElement> }) {
  return (
    <div
      ref={ref}
      style={{ position: 'fixed', left: rect.left, top: rect.top, width: rect.width, height: rect.height, pointerEvents: 'none' }}
    />
  );
}
