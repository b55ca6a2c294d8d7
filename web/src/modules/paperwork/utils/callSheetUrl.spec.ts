import { describe, expect, it } from 'vitest';
import { callSheetUrl, packingListUrl } from './callSheetUrl';

describe('paperwork URLs', () => {
  it('point at the event PDFs with en or ru labels', () => {
    expect(callSheetUrl('a b', 'ru-RU')).toBe('/api/events/a%20b/call-sheet.pdf?lang=ru');
    expect(packingListUrl('e1', 'ru')).toBe('/api/events/e1/packing-list.pdf?lang=ru');
    expect(packingListUrl('e1', 'de')).toBe('/api/events/e1/packing-list.pdf?lang=en');
  });
});
