import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121000000_foundation } from './Migration20261121000000_foundation.js';
import { Migration20261121010000_events } from './Migration20261121010000_events.js';
import { Migration20261122000000_equipment } from './Migration20261122000000_equipment.js';
import { Migration20261122100000_admin } from './Migration20261122100000_admin.js';
import { Migration20261122200000_webhooks } from './Migration20261122200000_webhooks.js';
import { Migration20261122300000_journal_notify_payload } from './Migration20261122300000_journal_notify_payload.js';

/** Every migration, in order. Registered explicitly so the build output needs no file globbing. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261121000000_foundation', class: Migration20261121000000_foundation },
  { name: 'Migration20261121010000_events', class: Migration20261121010000_events },
  { name: 'Migration20261122000000_equipment', class: Migration20261122000000_equipment },
  { name: 'Migration20261122100000_admin', class: Migration20261122100000_admin },
  { name: 'Migration20261122200000_webhooks', class: Migration20261122200000_webhooks },
  { name: 'Migration20261122300000_journal_notify_payload', class: Migration20261122300000_journal_notify_payload },
];
