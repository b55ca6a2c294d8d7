import { describe, expect, it } from 'vitest';
import { parseKinds } from './parseKinds';

describe('parseKinds', () => {
  it('splits on commas, spaces and new lines, drops empties and repeats', () => {
    expect(parseKinds(' client., production_event.move\nclient.  ,')).toEqual(['client.', 'production_event.move']);
    expect(parseKinds('')).toEqual([]);
  });
});
