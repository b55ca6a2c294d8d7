import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { BackupResolver } from '../modules/backups/backup.resolver.js';
import { CalendarFeedTokenResolver } from '../modules/ical/calendar-feed-token.resolver.js';
import { ClientResolver } from '../modules/clients/client.resolver.js';
import { CrewRoleResolver } from '../modules/crew-roles/crew-role.resolver.js';
import { DashboardResolver } from '../modules/dashboard/dashboard.resolver.js';
import { EquipmentCatalogueResolver } from '../modules/equipment/equipment-catalogue.resolver.js';
import { EventEquipmentResolver } from '../modules/equipment/event-equipment.resolver.js';
import { RepairResolver } from '../modules/equipment/repair.resolver.js';
import { WarehouseResolver } from '../modules/equipment/warehouse.resolver.js';
import { CalendarLiveResolver } from '../modules/events/calendar-live.resolver.js';
import { ProductionEventResolver } from '../modules/events/production-event.resolver.js';
import { JournalResolver } from '../modules/journal/journal.resolver.js';
import { PresenceResolver } from '../modules/presence/presence.resolver.js';
import { ReportResolver } from '../modules/reports/report.resolver.js';
import { ServiceStatusResolver } from '../modules/service-status/service-status.resolver.js';
import { AppInfoResolver } from '../modules/settings/app-info.resolver.js';
import { SettingsResolver } from '../modules/settings/settings.resolver.js';
import { StaffResolver } from '../modules/staff/staff.resolver.js';
import { VenueResolver } from '../modules/venues/venue.resolver.js';
import { WebhookResolver } from '../modules/webhooks/webhook.resolver.js';
import { authChecker } from './auth-checker.js';
import { DateTimeScalar } from './scalars.js';

/**
 * Subscriptions read the journal bus through their own `subscribe` functions; type-graphql still
 * insists on a PubSub, so this one refuses topic-based use outright.
 */
const noTopicPubSub = {
  publish(): void {
    throw new Error('Publish changes by writing the journal, not through type-graphql topics');
  },
  subscribe(): never {
    throw new Error('Subscriptions read the journal bus; declare a subscribe function');
  },
};

export const resolvers = [
  AppInfoResolver,
  AuthResolver,
  BackupResolver,
  CalendarFeedTokenResolver,
  CalendarLiveResolver,
  ClientResolver,
  CrewRoleResolver,
  DashboardResolver,
  EquipmentCatalogueResolver,
  EventEquipmentResolver,
  JournalResolver,
  PresenceResolver,
  ProductionEventResolver,
  RepairResolver,
  ReportResolver,
  ServiceStatusResolver,
  SettingsResolver,
  StaffResolver,
  VenueResolver,
  WarehouseResolver,
  WebhookResolver,
] as const;

/** Builds the executable schema; `container` supplies resolver instances with their services. */
export async function buildLoadoutSchema(container?: ContainerType): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    container,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    emitSchemaFile: false,
    pubSub: noTopicPubSub,
  });
  const roots = [
    [schema.getQueryType(), 'Read operations. Everything but `appInfo` and `me` needs a signed-in session.'],
    [schema.getMutationType(), 'Changes. Each is journaled in the transaction that makes it and broadcast when it commits.'],
    [schema.getSubscriptionType(), 'Live updates over graphql-ws on the same /graphql path, authenticated by the session cookie.'],
  ] as const;
  for (const [type, description] of roots) if (type) type.description = description;
  return schema;
}
