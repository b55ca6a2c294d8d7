import { describe, expect, it } from 'vitest';
import { monthGrid, monthOrCurrent } from './monthGrid';

describe('monthGrid', () => {
  it('lays a month out Monday-first with its first and last day', () => {
    const grid = monthGrid('2031-09'); // 1 September 2031 is a Monday
    expect(grid).toMatchObject({ from: '2031-09-01', to: '2031-09-30' });
    expect(grid.cells[0]).toBe('2031-09-01');
    expect(grid.cells).toHaveLength(30);
    const february = monthGrid('2032-02'); // a leap year; 1 February 2032 is a Sunday
    expect(february.to).toBe('2032-02-29');
    expect(february.cells.slice(0, 7)).toEqual([null, null, null, null, null, null, '2032-02-01']);
  });

  it('takes a YYYY-MM month from the URL and anything else as the current month', () => {
    expect(monthOrCurrent('2031-09')).toBe('2031-09');
    expect(monthOrCurrent('2031-13')).toMatch(/^\d{4}-\d{2}$/);
    expect(monthOrCurrent('2031-13')).not.toBe('2031-13');
    expect(monthOrCurrent(null)).toMatch(/^\d{4}-\d{2}$/);
  });
});
