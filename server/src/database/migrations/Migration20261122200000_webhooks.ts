import { Migration } from '@mikro-orm/migrations';

/**
 * Outgoing webhooks. Delivery is driven from the journal: each webhook keeps a cursor on journal `seq`
 * (the last change it has dealt with) and the retry state of the change at its head, so deliveries go
 * out in order, survive restarts, and a row lock keeps two server instances from sending one twice.
 */
export class Migration20261122200000_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table webhook (
        id uuid primary key default gen_random_uuid(),
        url text not null,
        secret text not null,
        description text not null default '',
        actions text[] not null default '{}',
        object_types text[] not null default '{}',
        active boolean not null default true,
        cursor_seq bigint not null default 0,
        attempts integer not null default 0,
        next_attempt_at timestamptz,
        last_error text,
        last_delivered_at timestamptz,
        version integer not null default 1,
        created_by uuid references app_user (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );

      create table webhook_delivery (
        id bigserial primary key,
        webhook_id uuid not null references webhook (id) on delete cascade,
        journal_seq bigint not null,
        attempt integer not null,
        at timestamptz not null default now(),
        succeeded boolean not null,
        status_code integer,
        error text,
        duration_ms integer not null
      );
      create index webhook_delivery_webhook_idx on webhook_delivery (webhook_id, id desc);
      create index webhook_delivery_failed_idx on webhook_delivery (webhook_id, id desc) where not succeeded;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists webhook_delivery, webhook;`);
  }
}
