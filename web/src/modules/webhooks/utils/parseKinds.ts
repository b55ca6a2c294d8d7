/** "client., production_event.move" → ["client.", "production_event.move"] (commas, spaces or new lines). */
export function parseKinds(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((kind) => kind.trim()).filter(Boolean))];
}
