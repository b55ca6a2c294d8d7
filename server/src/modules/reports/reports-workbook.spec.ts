import { describe, expect, it } from 'vitest';
import { inertText } from './reports-workbook.js';

describe('inertText', () => {
  it('marks text a spreadsheet would evaluate as a formula', () => {
    for (const risky of ['=1+1', '+7 916', '-2', '@SUM(A1)', '\tx', '\rx']) expect(inertText(risky)).toBe(`'${risky}`);
  });

  it('leaves other text alone and turns null into an empty cell', () => {
    expect(inertText('Acme = fun')).toBe('Acme = fun');
    expect(inertText('Звук и свет')).toBe('Звук и свет');
    expect(inertText(null)).toBe('');
  });
});
