import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type HttpSession, type TestServer } from './support/harness.js';
import { category, item, must, unit } from './support/equipment.js';

process.env.TZ = 'UTC';

/*
 * The store's files (issue 5): label sheets as PDF (Cyrillic text, QR codes that decode to the
 * product URL), the .xlsx catalogue import (preview, all-or-nothing commit, idempotence, hostile
 * files refused with a 4xx) and the .xlsx exports (formula-looking text escaped).
 */

let t: TestServer;
let store: HttpSession;
let engineer: HttpSession;
let soundId: string;

beforeAll(async () => {
  t = await startTestServer();
  [store, engineer] = await Promise.all(['storekeeper', 'engineer'].map((name) => signIn(t.url, `${name}@loadout.demo`)));
  soundId = await category(store, 'Звук');
});

afterAll(async () => {
  await t?.stop();
});

async function download(session: HttpSession | null, path: string) {
  const response = await fetch(`${t.url}${path}`, { headers: session?.cookie ? { cookie: session.cookie } : {} });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) };
}

async function upload(session: HttpSession, body: Uint8Array, commit = false) {
  const response = await fetch(`${t.url}/api/import/equipment${commit ? '?commit=1' : ''}`, {
    method: 'POST',
    headers: { cookie: session.cookie ?? '', 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body,
  });
  return { status: response.status, json: (await response.json()) as any };
}

async function workbook(rows: Array<Array<string | number | { formula: string }>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Catalogue');
  sheet.addRow(['Code', 'Name', 'Category', 'Subcategory', 'Kind', 'Quantity', 'Serials', 'Notes']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The rectangles a PDF page fills (pdfkit writes `x y w h re` in top-left page coordinates). */
function rectanglesOf(pdf: Buffer): Array<[number, number, number, number]> {
  const text = pdf.toString('latin1');
  const rects: Array<[number, number, number, number]> = [];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = text.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const re of content.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)) rects.push([Number(re[1]), Number(re[2]), Number(re[3]), Number(re[4])]);
  }
  return rects;
}

/** Rebuilds the first QR code on the sheet from its squares and decodes it. */
function firstQr(pdf: Buffer): string | null {
  const rects = rectanglesOf(pdf);
  const [x0, y0, cell] = [...rects].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0];
  const mine = rects.filter(([x, y]) => x >= x0 - 0.01 && y >= y0 - 0.01 && x < x0 + 100 && y < y0 + 100);
  const size = Math.round(Math.max(...mine.map(([x]) => x - x0)) / cell) + 1;
  const scale = 6;
  const quiet = 4;
  const width = (size + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [x, y] of mine) {
    const column = Math.round((x - x0) / cell) + quiet;
    const row = Math.round((y - y0) / cell) + quiet;
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const offset = ((row * scale + dy) * width + column * scale + dx) * 4;
        data[offset] = data[offset + 1] = data[offset + 2] = 0;
      }
    }
  }
  return jsQR(data, width, width)?.data ?? null;
}

describe('labels', () => {
  it('prints an A4 sheet with Cyrillic names and QR codes that decode to the product URL; only equipment:manage prints', async () => {
    const mic = await item(store, { code: 'МИК-1', name: 'Микрофон вокальный', categoryId: soundId, kind: 'SERIALISED' });
    const first = await unit(store, mic.id, 'A-001');
    await unit(store, mic.id, 'A-002');
    const cable = await item(store, { code: 'КАБ', name: 'Кабель XLR', categoryId: soundId, kind: 'BULK', quantity: 12 });
    for (const layout of ['small', 'large']) {
      const pdf = await download(store, `/api/labels.pdf?layout=${layout}&itemIds=${mic.id},${cable.id}`);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      const document = await getDocument({ data: new Uint8Array(pdf.body), isEvalSupported: false, useSystemFonts: false }).promise;
      const page = await document.getPage(1);
      expect(page.view.map(Math.round)).toEqual([0, 0, 595, 842]);
      // Text runs are split differently by pdf.js versions: compare with whitespace collapsed.
      const text = (await page.getTextContent()).items.map((entry) => ('str' in entry ? entry.str : '')).join(' ').replace(/\s+/g, ' ');
      expect(text).toContain('Кабель XLR');
      expect(text).toContain('Микрофон вокальный');
      expect(text).toContain('S/N A-002');
      await document.destroy();
      const port = new URL(t.url).port;
      // Bulk items come first, then units by serial: the first label is the cable's.
      expect(firstQr(pdf.body)).toBe(`http://localhost:${port}/q/${cable.qrCode}`);
    }
    const units = await download(store, `/api/labels.pdf?unitIds=${first.id}`);
    expect(firstQr(units.body)).toMatch(new RegExp(`/q/${first.qrCode}$`));
    const byCategory = await download(store, `/api/labels.pdf?categoryId=${soundId}`);
    expect(byCategory.status).toBe(200);
    expect((await download(engineer, `/api/labels.pdf?itemIds=${mic.id}`)).status).toBe(403);
    expect((await download(null, `/api/labels.pdf?itemIds=${mic.id}`)).status).toBe(401);
    expect((await download(store, '/api/labels.pdf?layout=huge')).status).toBe(400);
  });
});

describe('catalogue import', () => {
  it('previews every row error, commits all or nothing, and re-importing the same file changes nothing', async () => {
    const bad = await workbook([
      ['IMP-1', 'Пульт Yamaha CL5', 'Звук', 'Пульты', 'BULK', 2, '', ''],
      ['IMP-2', 'Moving head Robe', 'Свет', '', 'SERIALISED', '', 'R-1, R-2, R-3', 'Spare lamps'],
      ['', 'No code', 'Свет', '', 'BULK', 1, '', ''],
      ['IMP-4', 'Formula', 'Свет', '', 'BULK', { formula: '1+1' }, '', ''],
      ['IMP-1', 'Twice', 'Свет', '', 'WHAT', 1, '', ''],
    ]);
    const preview = await upload(store, bad);
    expect(preview.status).toBe(200);
    expect(preview.json.rows.map((row: any) => [row.row, row.action])).toEqual([[2, 'CREATE'], [3, 'CREATE'], [4, 'ERROR'], [5, 'ERROR'], [6, 'ERROR']]);
    expect(preview.json.rows[2].errors).toEqual(['code: is required']);
    expect(preview.json.rows[3].errors.join()).toContain('formulas are not accepted');
    expect(preview.json.rows[4].errors).toEqual(expect.arrayContaining([expect.stringContaining('not BULK or SERIALISED'), expect.stringContaining('also on row 2')]));
    const refused = await upload(store, bad, true);
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await must(store, '{ equipmentItems(filter: { search: "IMP-" }) { total } }')).equipmentItems.total).toBe(0);

    const good = await workbook([
      ['IMP-1', 'Пульт Yamaha CL5', 'Звук', 'Пульты', 'BULK', 2, '', ''],
      ['IMP-2', 'Moving head Robe', 'Свет', '', 'SERIALISED', '', 'R-1, R-2, R-3', 'Spare lamps'],
    ]);
    const committed = await upload(store, good, true);
    expect(committed.json).toMatchObject({ committed: true, created: 2, updated: 0, unchanged: 0, errors: 0 });
    const items = await must(store, '{ equipmentItems(filter: { search: "IMP-" }) { items { code owned categoryPath } } }');
    expect(items.equipmentItems.items).toEqual([
      { code: 'IMP-2', owned: 3, categoryPath: 'Свет' },
      { code: 'IMP-1', owned: 2, categoryPath: 'Звук / Пульты' },
    ]);
    const snapshot = () => must(store, '{ equipmentItems(filter: { search: "IMP-" }) { items { code version owned } } equipmentCategories { id } }');
    const before = await snapshot();
    const again = await upload(store, good, true);
    expect(again.json).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 2 });
    expect(await snapshot()).toEqual(before);

    const changed = await upload(store, await workbook([['imp-1', 'Пульт Yamaha CL5', 'Звук', 'Пульты', 'BULK', 3, '', '']]), false);
    expect(changed.json.rows[0]).toMatchObject({ action: 'UPDATE', changes: ['quantity: 2 → 3'] });
    expect((await upload(engineer, good, true)).status).toBe(403);
  });

  it('refuses hostile files with a 4xx before parsing them, and writes nothing', async () => {
    const before = (await must(store, '{ equipmentItems { total } }')).equipmentItems.total;
    const expectRefused = async (body: Uint8Array, status: number, message: RegExp) => {
      const outcome = await upload(store, body, true);
      expect(outcome.status).toBe(status);
      expect(outcome.json.errors[0].message).toMatch(message);
    };
    const valid = new Uint8Array(await workbook([['H-1', 'Hostile', 'Звук', '', 'BULK', 1, '', '']]));
    await expectRefused(new Uint8Array(11 * 1024 * 1024), 413, /larger than 10 MB/);
    await expectRefused(new TextEncoder().encode('code,name\nA,B'), 400, /not an \.xlsx/);
    await expectRefused(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(5 * 1024 * 1024) }, { level: 9 }), 400, /zip bomb/);
    await expectRefused(zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/vbaProject.bin': new Uint8Array(10) }), 400, /macros/);
    await expectRefused(zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/externalLinks/externalLink1.xml': new Uint8Array(10) }), 400, /links to other files/);
    await expectRefused(zipSync(Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`x/${i}.xml`, new Uint8Array(1)]))), 400, /at most 500/);
    await expectRefused(valid.subarray(0, valid.length - 200), 400, /damaged|cannot be read/);
    await expectRefused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 400, /encrypted or old-format/);
    expect((await must(store, '{ equipmentItems { total } }')).equipmentItems.total).toBe(before);
  });
});

describe('exports', () => {
  it('writes the catalogue, stock and packing list as .xlsx with formula-looking text escaped', async () => {
    const evil = await item(store, { code: '=cmd', name: '=HYPERLINK("http://evil.example","x")', categoryId: soundId, kind: 'BULK', quantity: 1 });
    const catalogue = await download(engineer, '/api/export/equipment-catalogue.xlsx');
    expect(catalogue.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(catalogue.body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Catalogue')!;
    let found: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => row.eachCell((cell) => {
      if (String(cell.value).includes('HYPERLINK')) found = cell;
    }));
    expect(found!.type).toBe(ExcelJS.ValueType.String);
    expect(found!.value).toBe(`'${'=HYPERLINK("http://evil.example","x")'}`);
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++)));
    expect(formulas).toBe(0);

    const stock = await download(engineer, '/api/export/equipment-stock.xlsx');
    const stockBook = new ExcelJS.Workbook();
    await stockBook.xlsx.load(stock.body as unknown as ArrayBuffer);
    expect(stockBook.getWorksheet('Stock')!.getRow(1).values).toEqual([, 'Code', 'Name', 'Category', 'Kind', 'Owned', 'In repair', 'Out', 'In store']);

    const manager = await signIn(t.url, 'manager@loadout.demo');
    const event = await must(manager, 'mutation { createProductionEvent(input: { title: "Export gig", startDate: "2031-08-01", endDate: "2031-08-01", status: CONFIRMED }) { event { id } } }');
    const eventId = event.createProductionEvent.event.id;
    await must(manager, 'mutation($e: ID!, $i: ID!) { setEventEquipment(eventId: $e, itemId: $i, quantity: 1) { shortages { eventId } } }', { e: eventId, i: evil.id });
    const packing = await download(engineer, `/api/export/packing-list/${eventId}.xlsx`);
    expect(packing.status).toBe(200);
    const packingBook = new ExcelJS.Workbook();
    await packingBook.xlsx.load(packing.body as unknown as ArrayBuffer);
    expect(packingBook.worksheets[0].getRow(2).getCell(3).value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect((await download(null, '/api/export/equipment-stock.xlsx')).status).toBe(401);
  });
});
