import { describe, expect, it } from 'vitest';
import { createChangeDeduper } from './createChangeDeduper';

const change = (seq: number, eventId: string) => ({ seq, eventId });

describe('createChangeDeduper', () => {
  it('drops a change seen before and an older one of the same event, per event', () => {
    const fresh = createChangeDeduper<ReturnType<typeof change>>();
    expect(fresh([change(10, 'a'), change(11, 'b')])).toEqual([change(10, 'a'), change(11, 'b')]);
    // A replay overlapping the live feed, then a catch-up page arriving after a newer live change.
    expect(fresh([change(10, 'a'), change(12, 'a')])).toEqual([change(12, 'a')]);
    expect(fresh([change(11, 'a'), change(11, 'b'), change(9, 'c')])).toEqual([change(9, 'c')]);
  });

  it('always lets through a mutation answer shown before its change arrives (seq 0)', () => {
    const fresh = createChangeDeduper<ReturnType<typeof change>>();
    fresh([change(5, 'a')]);
    expect(fresh([change(0, 'a'), change(0, 'a')])).toEqual([change(0, 'a'), change(0, 'a')]);
  });
});
