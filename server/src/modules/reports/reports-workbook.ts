import ExcelJS from 'exceljs';
import { ProductionEventStatus } from '../events/production-event-status.js';
import type { ReportPeriod } from './report.service.js';
import type { CrewWorkloadRow, EquipmentUtilisationReport, EventsReport, RepairsReport } from './report.types.js';

/**
 * Text a spreadsheet would take for a formula (or DDE) when opened or re-saved as CSV starts with one
 * of these; such text gets a leading apostrophe, the usual "this is text" mark (OWASP CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell's value, made inert when it looks like a formula. */
export function inertText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

type CellValue = string | number;

/** One sheet: a header row, then rows; number columns get a number format. */
export interface ReportSheet {
  name: string;
  columns: Array<{ header: string; width: number; numFmt?: string }>;
  rows: CellValue[][];
}

const COUNT = '#,##0';
const DECIMAL = '#,##0.00';

const STATUS_LABELS: Record<ProductionEventStatus, string> = {
  [ProductionEventStatus.DRAFT]: 'Draft',
  [ProductionEventStatus.TENTATIVE]: 'Tentative',
  [ProductionEventStatus.CONFIRMED]: 'Confirmed',
  [ProductionEventStatus.IN_PROGRESS]: 'In progress',
  [ProductionEventStatus.COMPLETED]: 'Completed',
  [ProductionEventStatus.CANCELLED]: 'Cancelled',
};

/** The figures of every report, as sheets (the same numbers the GraphQL `reports` query gives). */
export function reportSheets(period: ReportPeriod, events: EventsReport, workload: CrewWorkloadRow[], utilisation: EquipmentUtilisationReport, repairs: RepairsReport): ReportSheet[] {
  return [
    {
      name: 'Summary',
      columns: [
        { header: 'Figure', width: 28 },
        { header: 'Value', width: 14 },
      ],
      rows: [
        ['From', period.from],
        ['To', period.to],
        ['Events (not cancelled)', events.events],
        ['Event days', events.eventDays],
        ['Cancelled events', events.cancelled],
      ],
    },
    {
      name: 'Events by status',
      columns: [
        { header: 'Status', width: 16 },
        { header: 'Events', width: 10, numFmt: COUNT },
        { header: 'Event days', width: 12, numFmt: COUNT },
      ],
      rows: events.byStatus.map((row) => [STATUS_LABELS[row.status], row.events, row.eventDays]),
    },
    {
      name: 'Events by client',
      columns: [
        { header: 'Client', width: 36 },
        { header: 'Events', width: 10, numFmt: COUNT },
        { header: 'Event days', width: 12, numFmt: COUNT },
        { header: 'Cancelled', width: 12, numFmt: COUNT },
      ],
      rows: events.byClient.map((row) => [inertText(row.clientName ?? '(no client)'), row.events, row.eventDays, row.cancelled]),
    },
    {
      name: 'Events by manager',
      columns: [
        { header: 'Manager', width: 30 },
        { header: 'Events', width: 10, numFmt: COUNT },
        { header: 'Event days', width: 12, numFmt: COUNT },
        { header: 'Cancelled', width: 12, numFmt: COUNT },
      ],
      rows: events.byManager.map((row) => [inertText(row.manager?.name ?? '(no manager)'), row.events, row.eventDays, row.cancelled]),
    },
    {
      name: 'Crew workload',
      columns: [
        { header: 'Person', width: 30 },
        { header: 'Roles', width: 36 },
        { header: 'Events', width: 10, numFmt: COUNT },
        { header: 'Days', width: 10, numFmt: COUNT },
      ],
      rows: workload.map((row) => [inertText(row.person.name), inertText(row.roles.join(', ')), row.events, row.days]),
    },
    {
      name: 'Equipment utilisation',
      columns: [
        { header: 'Category', width: 30 },
        { header: 'Code', width: 14 },
        { header: 'Item', width: 36 },
        { header: 'Days out', width: 10, numFmt: COUNT },
        { header: 'Piece-days', width: 12, numFmt: COUNT },
        { header: 'Events', width: 10, numFmt: COUNT },
      ],
      rows: [
        ...utilisation.byCategory.map((row): CellValue[] => [inertText(row.categoryPath), '', '(whole category)', row.days, row.pieceDays, '']),
        ...utilisation.byItem.map((row): CellValue[] => [inertText(row.categoryPath), inertText(row.code), inertText(row.name), row.days, row.pieceDays, row.events]),
      ],
    },
    {
      name: 'Repairs',
      columns: [
        { header: 'Figure', width: 34 },
        { header: 'Value', width: 14, numFmt: DECIMAL },
      ],
      rows: [
        ['Opened (faults reported)', repairs.opened],
        ['Returned to stock', repairs.returned],
        ['Written off', repairs.writtenOff],
        ['Open at the end of the period', repairs.openAtEnd],
        ['Average days to repair', repairs.averageDaysToRepair ?? ''],
        ['Median days to repair', repairs.medianDaysToRepair ?? ''],
        ['Faults per day', repairs.faultsPerDay],
        ...repairs.byDay.map((day): CellValue[] => [`Opened on ${day.date}`, day.opened]),
      ],
    },
  ];
}

/** Writes the sheets to an .xlsx buffer: bold frozen header row, column widths, number formats. */
export async function writeWorkbook(sheets: ReportSheet[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Loadout';
  workbook.title = title;
  workbook.created = new Date();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width, style: column.numFmt ? { numFmt: column.numFmt } : {} }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
