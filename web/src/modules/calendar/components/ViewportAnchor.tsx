/** An invisible box over a viewport rectangle: the target of a popover anchored to something FullCalendar drew. */
export function ViewportAnchor({ rect }: { rect: DOMRect }) {
  return <div style={{ position: 'fixed', left: rect.left, top: rect.top, width: rect.width, height: rect.height, pointerEvents: 'none' }} />;
}
