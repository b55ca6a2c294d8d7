import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { addDays, todayIn } from '../../common/calendar-dates.js';
import type { Logger } from '../../common/logger.js';
import type { Viewer } from '../../graphql/context.js';
import { Client, ClientKind } from '../clients/client.entity.js';
import type { ClientService } from '../clients/client.service.js';
import { CrewRole } from '../crew-roles/crew-role.entity.js';
import { ProductionEvent } from '../events/production-event.entity.js';
import { ProductionEventStatus } from '../events/production-event-status.js';
import type { ProductionEventService } from '../events/production-event.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { StaffService } from '../staff/staff.service.js';
import { User } from '../staff/user.entity.js';
import type { VenueService } from '../venues/venue.service.js';

export interface DemoServices {
  staff: StaffService;
  clients: ClientService;
  venues: VenueService;
  events: ProductionEventService;
  settings: SettingsService;
}

/** More engineers for realistic crews; they sign in with the demo password too. */
const DEMO_CREW = [
  ['Ivan Petrov', 'ru'],
  ['Olga Smirnova', 'ru'],
  ['Dmitry Volkov', 'ru'],
  ['Sergei Orlov', 'ru'],
  ['Natalia Kuznetsova', 'ru'],
  ['João Silva', 'en'],
  ['Ana Costa', 'en'],
  ['Pedro Santos', 'en'],
  ['Alexei Morozov', 'ru'],
  ['Irina Lebedeva', 'ru'],
] as const;

const DEMO_CLIENTS = [
  { name: 'Crocus Concerts', kind: ClientKind.COMPANY, phone: '+7 495 555-01-01', contactPerson: 'Pavel Sokolov', email: 'events@crocus.example' },
  { name: 'Northern Lights Festival', kind: ClientKind.COMPANY, phone: '+7 812 555-02-02', contactPerson: 'Daria Belova', email: 'office@nlf.example' },
  { name: 'TechForum Moscow', kind: ClientKind.COMPANY, phone: '+7 495 555-03-03', contactPerson: 'Kirill Zaitsev', email: 'forum@techforum.example' },
  { name: 'Lisbon Sound Week', kind: ClientKind.COMPANY, phone: '+351 21 555 0404', contactPerson: 'Marta Alves', email: 'produção@lsw.example' },
  { name: 'Grand Hotel Weddings', kind: ClientKind.COMPANY, phone: '+7 495 555-05-05', contactPerson: 'Elena Fomina', email: 'weddings@grandhotel.example' },
  { name: 'Artem Kovalenko', kind: ClientKind.PERSON, phone: '+7 916 555-06-06', contactPerson: null, email: null },
] as const;

const DEMO_VENUES = [
  { name: 'Crocus City Hall', address: 'Mezhdunarodnaya St 20, Krasnogorsk' },
  { name: 'Expocentre, Pavilion 2', address: 'Krasnopresnenskaya Emb. 14, Moscow' },
  { name: 'Gorky Park Main Stage', address: 'Krymsky Val 9, Moscow' },
  { name: 'Grand Hotel Ballroom', address: 'Tverskaya St 3, Moscow' },
  { name: 'MEO Arena', address: 'Rossio dos Olivais, Lisbon' },
] as const;

const SHOWS = ['Gala concert', 'Product launch', 'Conference day', 'Wedding', 'Open-air festival', 'Corporate party', 'Theatre premiere', 'Awards night'];

/** A small deterministic generator, so every demo installation looks the same around its own "today". */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * About three months of realistic events around today — clients, venues, crews, statuses — made
 * through the same services people use, so the journal and the derived conflicts are real. A few
 * deliberate double bookings show what a conflict looks like. Runs only on a database without events.
 */
export async function seedDemoEvents(orm: MikroORM, services: DemoServices, logger: Logger, password: string): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(ProductionEvent, {})) > 0) return;
  const random = mulberry32(20261121);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  for (const [index, [name, language]] of DEMO_CREW.entries()) {
    const email = `crew${index + 1}@loadout.demo`;
    if (!(await em.count(User, { email }))) await services.staff.createUser(null, { email, name, password, roleName: 'Engineer', language, phone: `+7 900 100-00-${String(index + 10)}` });
  }
  const manager = await em.findOneOrFail(User, { email: 'manager@loadout.demo' }, { populate: ['role'] });
  const actor: Viewer = { id: manager.id, name: manager.name, email: manager.email, sessionId: randomUUID(), roleId: manager.role.id, permissions: new Set(manager.role.permissions) };

  const clients: Client[] = [];
  for (const client of DEMO_CLIENTS) {
    const existing = await em.findOne(Client, { name: client.name });
    clients.push(existing ?? (await services.clients.create(actor, { ...client, notes: null })));
  }
  const venues = [];
  for (const venue of DEMO_VENUES) venues.push(await services.venues.save(actor, null, { ...venue }));

  const managers = await em.find(User, { role: { name: 'Manager' }, active: true });
  const engineers = await em.find(User, { role: { name: 'Engineer' }, active: true }, { orderBy: { email: 'asc' } });
  const roles = await em.find(CrewRole, { retired: false }, { orderBy: { position: 'asc' } });
  const { timeZone } = await services.settings.get();
  const today = todayIn(timeZone);
  const busyUntil = new Map<string, string>();

  let created = 0;
  for (let offset = -30; offset <= 60; offset += 1 + Math.floor(random() * 3)) {
    const length = random() < 0.6 ? 0 : 1 + Math.floor(random() * 2);
    const startDate = addDays(today, offset);
    const endDate = addDays(startDate, length);
    const prepDays = random() < 0.5 ? 1 : 0;
    const status =
      offset < -2 ? ProductionEventStatus.COMPLETED : offset <= 0 ? ProductionEventStatus.IN_PROGRESS : random() < 0.6 ? ProductionEventStatus.CONFIRMED : pick([ProductionEventStatus.DRAFT, ProductionEventStatus.TENTATIVE]);
    const evening = random() < 0.5;
    const { event } = await services.events.create(actor, {
      title: `${pick(SHOWS)} — ${pick(clients).name}`,
      startDate,
      endDate,
      startTime: evening ? '19:00' : '10:00',
      endTime: evening ? (random() < 0.3 ? '02:00' : '23:00') : '18:00',
      prepDays,
      returnDays: random() < 0.4 ? 1 : 0,
      status: status === ProductionEventStatus.CONFIRMED ? status : ProductionEventStatus.DRAFT,
      clientId: pick(clients).id,
      venueId: pick(venues).id,
      managerId: managers[created % managers.length].id,
      notes: random() < 0.3 ? 'Client provides catering for the crew.' : null,
      problemNote: random() < 0.05 ? 'Power supply at the venue not confirmed yet.' : null,
    });
    created += 1;
    // Crew: people free on those days, and now and then (every 9th event) someone who is not — a deliberate conflict.
    const firstDay = addDays(startDate, -prepDays);
    const free = engineers.filter((person) => (busyUntil.get(person.id) ?? '') < firstDay);
    const crewSize = 2 + Math.floor(random() * 3);
    const start = created % Math.max(1, free.length);
    const crew = [...free.slice(start), ...free.slice(0, start)].slice(0, crewSize);
    if (created % 9 === 0) crew.push(...engineers.filter((person) => !crew.includes(person)).slice(0, 1));
    for (const [index, person] of crew.entries()) {
      await services.events.assignCrew(actor, event.id, person.id, roles[index % roles.length].id);
      busyUntil.set(person.id, addDays(endDate, 1));
    }
    if (crew[0]) await services.events.update(actor, event.id, (await services.events.get(event.id)).version, { seniorEngineerId: crew[0].id });
    await moveAlongWorkflow(services.events, actor, event.id, status);
    if (offset > 10 && random() < 0.07) await services.events.changeStatus(actor, event.id, (await services.events.get(event.id)).version, ProductionEventStatus.CANCELLED);
  }
  logger.info(`Demo events ready: ${created} events around ${today} with crews, clients and venues`);
}

const WORKFLOW = [ProductionEventStatus.DRAFT, ProductionEventStatus.TENTATIVE, ProductionEventStatus.CONFIRMED, ProductionEventStatus.IN_PROGRESS, ProductionEventStatus.COMPLETED];

/** Walks an event through the allowed transitions up to `target`, as a manager would. */
async function moveAlongWorkflow(events: ProductionEventService, actor: Viewer, id: string, target: ProductionEventStatus): Promise<void> {
  let current = await events.get(id);
  for (const status of WORKFLOW.slice(WORKFLOW.indexOf(current.status) + 1, WORKFLOW.indexOf(target) + 1)) {
    current = (await events.changeStatus(actor, id, current.version, status)).event;
  }
}
