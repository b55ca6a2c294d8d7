import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { DomainError } from '../../common/errors.js';

/** Limits checked before a workbook is parsed (hostile files are refused with a 4xx). */
export const IMPORT_LIMITS = {
  /** The uploaded file. */
  maxFileBytes: 10 * 1024 * 1024,
  /** All entries of the zip together, decompressed. */
  maxUncompressedBytes: 60 * 1024 * 1024,
  maxEntries: 500,
  /** Decompressed / compressed, for entries above 100 kB decompressed. */
  maxRatio: 150,
  maxRows: 20_000,
} as const;

function refused(message: string, status = 'BAD_USER_INPUT' as 'BAD_USER_INPUT' | 'PAYLOAD_TOO_LARGE'): DomainError {
  return new DomainError(status, message, { fields: [{ field: 'file', message }] });
}

/**
 * Checks a zip's directory and then its real decompressed sizes (a directory can lie) before any
 * spreadsheet code reads it: entry count, total size, compression ratio, no macros, no external
 * links, no encrypted or legacy files.
 */
export async function inspectWorkbook(file: Buffer): Promise<void> {
  if (file.length > IMPORT_LIMITS.maxFileBytes) throw refused(`The file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`, 'PAYLOAD_TOO_LARGE');
  if (file.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw refused('This is an encrypted or old-format (.xls) workbook: save it as .xlsx without a password.');
  if (!file.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw refused('This is not an .xlsx file.');
  let directory: unzipper.CentralDirectory;
  try {
    directory = await unzipper.Open.buffer(file);
  } catch {
    throw refused('The .xlsx file is damaged (its zip directory cannot be read).');
  }
  if (directory.files.length > IMPORT_LIMITS.maxEntries) throw refused(`The workbook has ${directory.files.length} parts; at most ${IMPORT_LIMITS.maxEntries} are accepted.`);
  let declared = 0;
  for (const entry of directory.files) {
    const name = entry.path.toLowerCase();
    if (name.endsWith('vbaproject.bin') || name.includes('macrosheets/') || name.endsWith('.bin') && name.includes('activex')) throw refused('The workbook contains macros: save it as a plain .xlsx.');
    if (name.startsWith('xl/externallinks/')) throw refused('The workbook links to other files: remove external links and save again.');
    if ((entry.flags & 0x1) !== 0) throw refused('The workbook is encrypted.');
    declared += entry.uncompressedSize;
    if (entry.uncompressedSize > 100_000 && entry.uncompressedSize / Math.max(1, entry.compressedSize) > IMPORT_LIMITS.maxRatio) {
      throw refused('The workbook is compressed suspiciously well (a zip bomb?): refused.');
    }
  }
  if (declared > IMPORT_LIMITS.maxUncompressedBytes) throw refused(`The workbook unpacks to more than ${IMPORT_LIMITS.maxUncompressedBytes / 1024 / 1024} MB.`);
  // The directory may lie: decompress for real, counting, and stop at the limit.
  let actual = 0;
  for (const entry of directory.files) {
    if (entry.type !== 'File') continue;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.stream();
      stream.on('data', (chunk: Buffer) => {
        actual += chunk.length;
        if (actual > IMPORT_LIMITS.maxUncompressedBytes) {
          stream.destroy();
          reject(refused(`The workbook unpacks to more than ${IMPORT_LIMITS.maxUncompressedBytes / 1024 / 1024} MB.`));
        }
      });
      stream.on('end', resolve);
      stream.on('error', () => reject(refused('The .xlsx file is damaged.')));
    });
  }
}

export interface ImportRow {
  row: number;
  code: string;
  name: string;
  category: string;
  subcategory: string | null;
  kind: string;
  quantity: number | null;
  serials: string[];
  notes: string | null;
  errors: string[];
}

const HEADERS: Record<keyof Omit<ImportRow, 'row' | 'errors'>, string[]> = {
  code: ['code', 'item code', 'код', 'артикул'],
  name: ['name', 'наименование', 'название'],
  category: ['category', 'категория'],
  subcategory: ['subcategory', 'подкатегория'],
  kind: ['kind', 'type', 'тип', 'учёт', 'учет'],
  quantity: ['quantity', 'qty', 'количество', 'кол-во'],
  serials: ['serials', 'serial numbers', 'серийные номера', 'серийные'],
  notes: ['notes', 'примечание', 'примечания'],
};

/** Reads the catalogue sheet: every row with its own errors. Formulas are never evaluated (a formula cell is an error). */
export async function readCatalogue(file: Buffer): Promise<ImportRow[]> {
  await inspectWorkbook(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw refused('The .xlsx file cannot be read.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refused('The workbook has no sheet.');
  if (sheet.rowCount > IMPORT_LIMITS.maxRows + 1) throw refused(`At most ${IMPORT_LIMITS.maxRows} rows at once.`);
  const header = sheet.getRow(1);
  const columns = new Map<string, number>();
  header.eachCell((cell, column) => {
    const text = String(cell.text ?? '').trim().toLowerCase();
    for (const [field, names] of Object.entries(HEADERS)) if (names.includes(text)) columns.set(field, column);
  });
  const missing = ['code', 'name', 'category', 'kind'].filter((field) => !columns.has(field));
  if (missing.length) throw refused(`The first row must name the columns; missing: ${missing.join(', ')} (expected headers: Code, Name, Category, Subcategory, Kind, Quantity, Serials, Notes).`);
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const errors: string[] = [];
    const text = (field: string): string => {
      const column = columns.get(field);
      if (!column) return '';
      const cell = row.getCell(column);
      if (cell.type === ExcelJS.ValueType.Formula) {
        errors.push(`${field}: formulas are not accepted (it is never evaluated); type the value`);
        return '';
      }
      const value = cell.value;
      if (value && typeof value === 'object' && 'formula' in (value as object)) {
        errors.push(`${field}: formulas are not accepted (it is never evaluated); type the value`);
        return '';
      }
      if (value && typeof value === 'object' && 'richText' in (value as object)) return (value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('').trim();
      return value === null || value === undefined ? '' : String(value).trim();
    };
    const code = text('code');
    const name = text('name');
    const category = text('category');
    const kindText = text('kind').toUpperCase();
    const kind = ['BULK', 'COUNTED', 'ШТУЧНЫЙ', 'КОЛИЧЕСТВЕННЫЙ'].includes(kindText) ? 'BULK' : ['SERIALISED', 'SERIALIZED', 'СЕРИЙНЫЙ'].includes(kindText) ? 'SERIALISED' : kindText;
    const quantityText = text('quantity');
    const serials = text('serials').split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
    if (!code) errors.push('code: is required');
    else if (code.length > 64) errors.push('code: at most 64 characters');
    if (!name) errors.push('name: is required');
    if (!category) errors.push('category: is required');
    if (kind !== 'BULK' && kind !== 'SERIALISED') errors.push(`kind: "${kindText}" is not BULK or SERIALISED`);
    let quantity: number | null = null;
    if (quantityText) {
      quantity = Number(quantityText);
      if (!Number.isInteger(quantity) || quantity < 0 || quantity > 1_000_000) errors.push(`quantity: "${quantityText}" is not a whole number from 0`);
    }
    if (kind === 'SERIALISED' && quantity !== null && quantity !== serials.length && quantity !== 0) errors.push('quantity: serialised items are counted by their serial numbers');
    if (kind === 'BULK' && serials.length) errors.push('serials: bulk items have no serial numbers');
    if (new Set(serials.map((s) => s.toLowerCase())).size !== serials.length) errors.push('serials: a serial number is repeated');
    rows.push({ row: number, code, name, category, subcategory: text('subcategory') || null, kind, quantity, serials, notes: text('notes') || null, errors });
  });
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = row.code.toLowerCase();
    if (!key) continue;
    if (seen.has(key)) row.errors.push(`code: "${row.code}" is also on row ${seen.get(key)}`);
    else seen.set(key, row.row);
  }
  return rows;
}

/** A text that a spreadsheet would read as a formula is written with a leading apostrophe. */
export function safeText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** An .xlsx with one sheet per table: header row bold, text cells escaped, never formulas. */
export async function workbookOf(sheets: Array<{ name: string; columns: Array<{ header: string; key: string; width?: number }>; rows: Array<Record<string, string | number | null>> }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Loadout';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.columns = spec.columns.map((column) => ({ header: column.header, key: column.key, width: column.width ?? 18 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) {
      const safe: Record<string, string | number | null> = {};
      for (const [key, value] of Object.entries(row)) safe[key] = typeof value === 'string' ? safeText(value) : value;
      sheet.addRow(safe);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
