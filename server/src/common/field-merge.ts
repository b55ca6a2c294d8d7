/**
 * Optimistic locking with field-level merge (ARCHITECTURE → Database). A write carries the version
 * its author read. When others have written since, each field the author sends is judged alone:
 * - untouched since that version → applied;
 * - touched since, but the author sent the value it had at that version → the author did not mean
 *   to change it; the newer value stays;
 * - touched since and the author sends something else → a conflict, unless it equals the current value.
 */
export interface FieldHistory {
  /** The value the field had at the author's version (the old value of its first later change). */
  valueAtVersion: unknown;
  /** Who changed it since. */
  changedBy: string[];
}

export interface MergeOutcome<T> {
  /** The fields to write. */
  apply: Partial<T>;
  /** Fields both the author and someone else changed to different values. */
  conflicts: Array<keyof T & string>;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function mergeStaleWrite<T extends Record<string, unknown>>(
  current: T,
  wanted: Partial<T>,
  touchedSince: ReadonlyMap<string, FieldHistory>,
): MergeOutcome<T> {
  const apply: Partial<T> = {};
  const conflicts: Array<keyof T & string> = [];
  for (const field of Object.keys(wanted) as Array<keyof T & string>) {
    const value = wanted[field];
    if (value === undefined) continue;
    const history = touchedSince.get(field);
    if (!history) apply[field] = value;
    else if (sameValue(value, history.valueAtVersion) || sameValue(value, current[field])) continue;
    else conflicts.push(field);
  }
  return { apply, conflicts };
}
