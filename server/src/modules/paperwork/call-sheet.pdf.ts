import { startPdf } from '../../common/pdf-document.js';
import type { ProductionEventView } from '../events/production-event.types.js';

export type PaperworkLanguage = 'en' | 'ru';

const LABELS = {
  en: {
    callSheet: 'Call sheet',
    dates: 'Dates',
    times: 'Times',
    wholeDay: 'whole days',
    nextMorning: '(next morning)',
    loadIn: 'Load-in days before',
    loadOut: 'Load-out days after',
    status: 'Status',
    venue: 'Venue',
    client: 'Client',
    contact: 'Contact',
    manager: 'Manager',
    senior: 'Senior engineer',
    crew: 'Crew',
    role: 'Role',
    name: 'Name',
    phone: 'Phone',
    noCrew: 'No crew assigned yet.',
    notes: 'Notes',
    generated: 'Generated',
  },
  ru: {
    callSheet: 'Вызывной лист',
    dates: 'Даты',
    times: 'Время',
    wholeDay: 'целые дни',
    nextMorning: '(следующее утро)',
    loadIn: 'Дней монтажа до',
    loadOut: 'Дней демонтажа после',
    status: 'Статус',
    venue: 'Площадка',
    client: 'Клиент',
    contact: 'Контакт',
    manager: 'Менеджер',
    senior: 'Старший инженер',
    crew: 'Бригада',
    role: 'Роль',
    name: 'Имя',
    phone: 'Телефон',
    noCrew: 'Бригада ещё не назначена.',
    notes: 'Заметки',
    generated: 'Сформирован',
  },
} as const;

export interface CallSheetOptions {
  language: PaperworkLanguage;
  companyName: string;
  /** Client phone, e-mail and contact person are printed only for viewers with `client:read`. */
  showClientContact: boolean;
  now?: Date;
}

/** The event's call sheet as a PDF: when and where, whom to call, who works as what, notes. */
export function renderCallSheet(event: ProductionEventView, options: CallSheetOptions): Promise<Buffer> {
  const label = LABELS[options.language];
  const { doc, done } = startPdf({ size: 'A4', margin: 50, info: { Title: `${label.callSheet}: ${event.title}`, Author: options.companyName } });

  const line = (name: string, value: string | null | undefined) => {
    if (!value) return;
    doc.font('bold').fontSize(10).text(`${name}: `, { continued: true }).font('regular').text(value);
  };
  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(13).text(text).moveDown(0.3);

  doc.font('regular').fontSize(9).fillColor('#555').text(`${options.companyName} · ${label.callSheet}`).fillColor('black');
  doc.moveDown(0.3).font('bold').fontSize(20).text(event.title);
  doc.moveDown(0.5);
  line(label.dates, event.startDate === event.endDate ? event.startDate : `${event.startDate} – ${event.endDate}`);
  line(label.times, event.startTime ? `${event.startTime} – ${event.endTime ?? ''}${event.endsNextDay ? ` ${label.nextMorning}` : ''}` : label.wholeDay);
  if (event.prepDays > 0) line(label.loadIn, String(event.prepDays));
  if (event.returnDays > 0) line(label.loadOut, String(event.returnDays));
  line(label.status, event.status);

  heading(label.venue);
  if (event.venue) {
    doc.font('regular').fontSize(10).text(event.venue.name);
    if (event.venue.address) doc.text(event.venue.address);
  } else doc.font('regular').fontSize(10).text('—');

  heading(label.client);
  if (event.client) {
    doc.font('regular').fontSize(10).text(event.client.name);
    if (options.showClientContact) {
      line(label.contact, event.client.contactPerson);
      line(label.phone, event.client.phone);
      line('E-mail', event.client.email);
    }
  } else doc.font('regular').fontSize(10).text('—');
  if (event.manager) line(label.manager, [event.manager.name, event.manager.phone].filter(Boolean).join(', '));
  if (event.seniorEngineer) line(label.senior, [event.seniorEngineer.name, event.seniorEngineer.phone].filter(Boolean).join(', '));

  heading(label.crew);
  if (event.crew.length === 0) doc.font('regular').fontSize(10).text(label.noCrew);
  else {
    const left = doc.page.margins.left;
    const columns = [left, left + 150, left + 340];
    const row = (cells: string[], font: 'regular' | 'bold') => {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
      const y = doc.y;
      doc.font(font).fontSize(10);
      cells.forEach((cell, index) => doc.text(cell, columns[index], y, { width: (columns[index + 1] ?? left + 495) - columns[index] - 8, lineBreak: false, ellipsis: true }));
      doc.x = left;
      doc.y = y + 16;
    };
    row([label.role, label.name, label.phone], 'bold');
    for (const member of event.crew) row([member.crewRole.name, member.person.name, member.person.phone ?? ''], 'regular');
  }

  if (event.notes) {
    heading(label.notes);
    doc.font('regular').fontSize(10).text(event.notes);
  }

  doc.moveDown(2).font('regular').fontSize(8).fillColor('#777').text(`${label.generated} ${(options.now ?? new Date()).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  doc.end();
  return done;
}
