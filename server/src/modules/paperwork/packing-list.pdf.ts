import { startPdf } from '../../common/pdf-document.js';
import type { ProductionEventView } from '../events/production-event.types.js';
import type { EventEquipment } from '../equipment/equipment.types.js';
import type { PaperworkLanguage } from './call-sheet.pdf.js';

const LABELS = {
  en: {
    packingList: 'Packing list',
    dates: 'Dates',
    venue: 'Venue',
    ownGear: 'Own gear',
    code: 'Code',
    item: 'Item',
    quantity: 'Qty',
    serials: 'Units (serials)',
    notPicked: 'not picked yet',
    noGear: 'No gear on the list.',
    extraDeliveries: 'Extra deliveries',
    date: 'Date',
    reason: 'Reason',
    subRentals: 'Sub-rentals',
    supplier: 'Supplier',
    period: 'Period',
    total: 'Total pieces',
    generated: 'Generated',
  },
  ru: {
    packingList: 'Упаковочный лист',
    dates: 'Даты',
    venue: 'Площадка',
    ownGear: 'Своё оборудование',
    code: 'Код',
    item: 'Позиция',
    quantity: 'Кол.',
    serials: 'Единицы (серийные номера)',
    notPicked: 'ещё не выбраны',
    noGear: 'Оборудование не добавлено.',
    extraDeliveries: 'Довозы',
    date: 'Дата',
    reason: 'Причина',
    subRentals: 'Субаренда',
    supplier: 'Поставщик',
    period: 'Период',
    total: 'Всего штук',
    generated: 'Сформирован',
  },
} as const;

export interface PackingListOptions {
  language: PaperworkLanguage;
  companyName: string;
  /** Category path ("Sound / Speakers") of each item on the list, by item id. */
  categoryOf: ReadonlyMap<string, string>;
  now?: Date;
}

/**
 * The event's packing list as a PDF: planned own gear grouped by category with quantities and
 * the picked units' serials, then extra deliveries by date, then sub-rented gear.
 */
export function renderPackingList(event: ProductionEventView, gear: EventEquipment, options: PackingListOptions): Promise<Buffer> {
  const label = LABELS[options.language];
  const { doc, done } = startPdf({ size: 'A4', margin: 50, info: { Title: `${label.packingList}: ${event.title}`, Author: options.companyName } });

  const left = doc.page.margins.left;
  const right = left + 495;
  const heading = (text: string, size = 13) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
    doc.x = left;
    doc.moveDown(0.8).font('bold').fontSize(size).text(text).moveDown(0.3);
  };
  /** One table row; cells wrap, the row is as tall as its tallest cell. */
  const row = (columns: number[], cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(10);
    const widths = columns.map((x, index) => (columns[index + 1] ?? right) - x - 8);
    const height = Math.max(...cells.map((cell, index) => doc.heightOfString(cell || ' ', { width: widths[index] })));
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    cells.forEach((cell, index) => doc.text(cell, columns[index], y, { width: widths[index] }));
    doc.x = left;
    doc.y = y + height + 4;
  };

  doc.font('regular').fontSize(9).fillColor('#555').text(`${options.companyName} · ${label.packingList}`).fillColor('black');
  doc.moveDown(0.3).font('bold').fontSize(20).text(event.title);
  doc.moveDown(0.5).font('bold').fontSize(10).text(`${label.dates}: `, { continued: true }).font('regular').text(event.startDate === event.endDate ? event.startDate : `${event.startDate} – ${event.endDate}`);
  if (event.venue) doc.font('bold').text(`${label.venue}: `, { continued: true }).font('regular').text([event.venue.name, event.venue.address].filter(Boolean).join(', '));

  heading(label.ownGear, 15);
  if (gear.lines.length === 0) doc.font('regular').fontSize(10).text(label.noGear);
  const byCategory = new Map<string, typeof gear.lines>();
  for (const line of gear.lines) {
    const category = options.categoryOf.get(line.item.id) ?? '—';
    byCategory.set(category, [...(byCategory.get(category) ?? []), line]);
  }
  const gearColumns = [left, left + 70, left + 250, left + 290];
  for (const category of [...byCategory.keys()].sort((a, b) => a.localeCompare(b))) {
    const lines = byCategory.get(category)!;
    heading(category, 12);
    row(gearColumns, [label.code, label.item, label.quantity, label.serials], 'bold');
    for (const line of lines) {
      const serials = line.item.kind === 'SERIALISED' ? (line.pickedUnits.length > 0 ? line.pickedUnits.map((unit) => unit.serial).join(', ') : label.notPicked) : '';
      row(gearColumns, [line.item.code, line.item.name, String(line.quantity), serials], 'regular');
    }
  }
  if (gear.lines.length > 0) {
    doc.moveDown(0.3).font('bold').fontSize(10).text(`${label.total}: ${gear.lines.reduce((sum, line) => sum + line.quantity, 0)}`, left);
  }

  if (gear.extraDeliveries.length > 0) {
    heading(label.extraDeliveries, 15);
    const columns = [left, left + 80, left + 260, left + 300];
    row(columns, [label.date, label.item, label.quantity, label.reason], 'bold');
    for (const line of gear.extraDeliveries) row(columns, [line.deliveryDate ?? '', `${line.item.code} ${line.item.name}`, String(line.quantity), line.reason ?? ''], 'regular');
  }

  if (gear.subRentals.length > 0) {
    heading(label.subRentals, 15);
    const columns = [left, left + 130, left + 320, left + 360];
    row(columns, [label.supplier, label.item, label.quantity, label.period], 'bold');
    for (const rental of gear.subRentals) {
      const what = rental.item ? `${rental.item.code} ${rental.item.name}${rental.description ? ` (${rental.description})` : ''}` : (rental.description ?? '');
      row(columns, [rental.supplier, what, String(rental.quantity), rental.fromDate === rental.toDate ? rental.fromDate : `${rental.fromDate} – ${rental.toDate}`], 'regular');
    }
  }

  doc.x = left;
  doc.moveDown(2).font('regular').fontSize(8).fillColor('#777').text(`${label.generated} ${(options.now ?? new Date()).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  doc.end();
  return done;
}
