import { describe, expect, it } from 'vitest';
import { mergeStaleWrite, type FieldHistory } from './field-merge.js';

const touched = (entries: Record<string, unknown>) =>
  new Map<string, FieldHistory>(Object.entries(entries).map(([field, valueAtVersion]) => [field, { valueAtVersion, changedBy: ['Marina'] }]));

describe('mergeStaleWrite', () => {
  const current = { title: 'Gala (moved)', notes: 'bring spares', venueId: 'v2' };

  it('applies fields nobody touched since the author read them', () => {
    expect(mergeStaleWrite(current, { notes: 'two trucks' }, touched({ title: 'Gala' }))).toEqual({ apply: { notes: 'two trucks' }, conflicts: [] });
  });

  it('keeps the newer value when the author resends what it read', () => {
    expect(mergeStaleWrite(current, { title: 'Gala', notes: 'x' }, touched({ title: 'Gala' }))).toEqual({ apply: { notes: 'x' }, conflicts: [] });
  });

  it('reports a field both changed to different values', () => {
    expect(mergeStaleWrite(current, { title: 'Gala 2027' }, touched({ title: 'Gala' })).conflicts).toEqual(['title']);
  });

  it('does not report a field both changed to the same value', () => {
    expect(mergeStaleWrite(current, { venueId: 'v2' }, touched({ venueId: 'v1' }))).toEqual({ apply: {}, conflicts: [] });
  });

  it('treats null and a missing value alike, and skips fields not sent', () => {
    expect(mergeStaleWrite({ notes: null } as Record<string, unknown>, { notes: undefined }, touched({}))).toEqual({ apply: {}, conflicts: [] });
    expect(mergeStaleWrite({ notes: 'a' } as Record<string, unknown>, { notes: null }, touched({ notes: null })).conflicts).toEqual([]);
  });
});
