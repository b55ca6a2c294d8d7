import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger.js';
import { ClientService } from '../modules/clients/client.service.js';
import { CrewRoleService } from '../modules/crew-roles/crew-role.service.js';
import { DashboardService } from '../modules/dashboard/dashboard.service.js';
import { DEMO_PASSWORD, hasAnyAccount, seedBaseData, seedDemoData } from '../modules/demo/demo-data.js';
import { seedDemoEvents } from '../modules/demo/demo-events.js';
import { seedDemoEquipment } from '../modules/demo/demo-equipment.js';
import { EquipmentCatalogueService } from '../modules/equipment/equipment-catalogue.service.js';
import { EquipmentShortageGuard } from '../modules/equipment/equipment-shortage.guard.js';
import { EquipmentImportService } from '../modules/equipment/equipment-import.service.js';
import { EventEquipmentService } from '../modules/equipment/event-equipment.service.js';
import { RepairService } from '../modules/equipment/repair.service.js';
import { WarehouseService } from '../modules/equipment/warehouse.service.js';
import { CalendarFeed } from '../modules/events/calendar-feed.js';
import { ProductionEventReadModel } from '../modules/events/production-event.read-model.js';
import { ProductionEventService } from '../modules/events/production-event.service.js';
import { JournalService } from '../modules/journal/journal.service.js';
import { ReportService } from '../modules/reports/report.service.js';
import { SettingsService } from '../modules/settings/settings.service.js';
import { StaffService } from '../modules/staff/staff.service.js';
import { VenueService } from '../modules/venues/venue.service.js';

/** The services of one process, wired once for the server and the CLI alike. */
export function createServices(orm: MikroORM) {
  const journal = new JournalService(orm);
  const staff = new StaffService(orm, journal);
  const settings = new SettingsService(orm, journal);
  const clients = new ClientService(orm, journal, settings);
  const venues = new VenueService(orm, journal);
  const crewRoles = new CrewRoleService(orm, journal);
  const readModel = new ProductionEventReadModel(orm, settings);
  const shortageGuard = new EquipmentShortageGuard();
  const events = new ProductionEventService(journal, settings, clients, readModel, shortageGuard);
  const calendar = new CalendarFeed(readModel);
  const reports = new ReportService(orm);
  const dashboards = new DashboardService(settings, reports, readModel);
  const catalogue = new EquipmentCatalogueService(orm, journal);
  const eventEquipment = new EventEquipmentService(orm, journal, settings, shortageGuard);
  const repairs = new RepairService(orm, journal);
  const warehouse = new WarehouseService(orm, journal, repairs);
  const equipmentImport = new EquipmentImportService(orm, journal);
  return { journal, staff, settings, clients, venues, crewRoles, readModel, events, calendar, reports, dashboards, catalogue, eventEquipment, repairs, warehouse, equipmentImport };
}

export type Services = ReturnType<typeof createServices>;

/**
 * What every installation needs (roles, settings, crew roles), plus demo data when asked:
 * true = accounts and about three months of events, 'accounts' = accounts only.
 * Returns whether the database had no account before.
 */
export async function seedInstallation(orm: MikroORM, services: Services, demo: boolean | 'accounts' | undefined, logger: Logger): Promise<{ firstStart: boolean }> {
  await seedBaseData(orm, services.journal);
  await services.crewRoles.seedDefaults();
  const firstStart = !(await hasAnyAccount(orm));
  if (demo) await seedDemoData(orm, services.staff, logger);
  if (demo === true) await seedDemoEvents(orm, services, logger, DEMO_PASSWORD);
  if (demo === true) await seedDemoEquipment(orm, services, logger);
  return { firstStart };
}
