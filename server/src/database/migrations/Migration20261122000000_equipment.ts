import { Migration } from '@mikro-orm/migrations';

/**
 * Equipment and the store (issue 5): categories, items, units, cases, event gear lines, sub-rentals,
 * repairs, routing rules and movements. An event's gear lines carry a copy of the event's reserved
 * days and whether the event still reserves (not cancelled, not deleted), kept by triggers, so
 * availability is one GiST index scan on (item, days) at 100,000 events and 10,000 items.
 */
export class Migration20261122000000_equipment extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create extension if not exists btree_gist;

      -- Another migration may add the same setting; both are safe in any order.
      alter table company_settings
        add column if not exists equipment_double_booking text not null default 'WARN' check (equipment_double_booking in ('ALLOW', 'WARN', 'BLOCK'));

      create table equipment_category (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(btrim(name)) > 0),
        parent_id uuid references equipment_category (id),
        position integer not null default 0,
        version integer not null default 1,
        created_at timestamptz not null default now()
      );
      create unique index equipment_category_name_key on equipment_category (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

      create table equipment_item (
        id uuid primary key default gen_random_uuid(),
        code text not null check (length(btrim(code)) > 0),
        name text not null check (length(btrim(name)) > 0),
        category_id uuid not null references equipment_category (id),
        kind text not null check (kind in ('BULK', 'SERIALISED')),
        -- Bulk: the counted quantity owned. Serialised: ignored (units that are not written off count).
        quantity integer not null default 0 check (quantity >= 0),
        qr_code text not null,
        notes text,
        archived_at timestamptz,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index equipment_item_code_key on equipment_item (lower(code));
      create unique index equipment_item_qr_key on equipment_item (qr_code);
      create index equipment_item_category_idx on equipment_item (category_id);
      create index equipment_item_name_idx on equipment_item (lower(name));

      create table equipment_case (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(btrim(name)) > 0),
        qr_code text not null,
        notes text,
        version integer not null default 1,
        created_at timestamptz not null default now()
      );
      create unique index equipment_case_qr_key on equipment_case (qr_code);

      create table equipment_unit (
        id uuid primary key default gen_random_uuid(),
        item_id uuid not null references equipment_item (id),
        serial text not null check (length(btrim(serial)) > 0),
        qr_code text not null,
        case_id uuid references equipment_case (id),
        -- The event the unit is checked out to, null while in the store.
        out_event_id uuid references production_event (id),
        written_off_at timestamptz,
        notes text,
        version integer not null default 1,
        created_at timestamptz not null default now()
      );
      create unique index equipment_unit_serial_key on equipment_unit (item_id, lower(serial));
      create unique index equipment_unit_qr_key on equipment_unit (qr_code);
      create index equipment_unit_case_idx on equipment_unit (case_id) where case_id is not null;
      create index equipment_unit_out_idx on equipment_unit (out_event_id) where out_event_id is not null;

      -- Own gear reserved by an event: PLANNED lines (one per item) and EXTRA deliveries (reason required).
      create table event_equipment (
        id uuid primary key default gen_random_uuid(),
        event_id uuid not null references production_event (id),
        item_id uuid not null references equipment_item (id),
        kind text not null default 'PLANNED' check (kind in ('PLANNED', 'EXTRA')),
        quantity integer not null check (quantity > 0),
        reason text,
        delivery_date date,
        busy_days daterange not null,
        active boolean not null,
        created_by uuid references app_user (id),
        created_at timestamptz not null default now(),
        check (kind = 'PLANNED' or (reason is not null and length(btrim(reason)) > 0))
      );
      create unique index event_equipment_planned_key on event_equipment (event_id, item_id) where kind = 'PLANNED';
      create index event_equipment_event_idx on event_equipment (event_id);
      create index event_equipment_reserved_idx on event_equipment using gist (item_id, busy_days) where active;

      create table event_equipment_unit (
        event_id uuid not null references production_event (id),
        unit_id uuid not null references equipment_unit (id),
        item_id uuid not null references equipment_item (id),
        primary key (event_id, unit_id)
      );
      create index event_equipment_unit_unit_idx on event_equipment_unit (unit_id);

      create or replace function event_equipment_fill() returns trigger language plpgsql as $$
      begin
        select e.busy_days, e.deleted_at is null and e.status <> 'cancelled' into new.busy_days, new.active
          from production_event e where e.id = new.event_id;
        return new;
      end $$;
      create trigger event_equipment_fill before insert on event_equipment for each row execute function event_equipment_fill();

      create or replace function production_event_equipment_sync() returns trigger language plpgsql as $$
      begin
        if new.busy_days is distinct from old.busy_days or new.deleted_at is distinct from old.deleted_at or new.status is distinct from old.status then
          update event_equipment set busy_days = new.busy_days, active = (new.deleted_at is null and new.status <> 'cancelled') where event_id = new.id;
        end if;
        return null;
      end $$;
      create trigger production_event_equipment_sync after update on production_event for each row execute function production_event_equipment_sync();

      create table event_subrental (
        id uuid primary key default gen_random_uuid(),
        event_id uuid not null references production_event (id),
        supplier text not null check (length(btrim(supplier)) > 0),
        item_id uuid references equipment_item (id),
        description text,
        quantity integer not null check (quantity > 0),
        cost numeric(12, 2) check (cost >= 0),
        from_date date not null,
        to_date date not null,
        version integer not null default 1,
        created_by uuid references app_user (id),
        created_at timestamptz not null default now(),
        check (to_date >= from_date),
        check (item_id is not null or length(btrim(coalesce(description, ''))) > 0)
      );
      create index event_subrental_event_idx on event_subrental (event_id, item_id);

      create table repair (
        id uuid primary key default gen_random_uuid(),
        item_id uuid not null references equipment_item (id),
        unit_id uuid references equipment_unit (id),
        quantity integer not null check (quantity > 0),
        reason text not null check (length(btrim(reason)) > 0),
        problem_kind text not null,
        status text not null default 'OPEN' check (status in ('OPEN', 'RETURNED', 'WRITTEN_OFF')),
        reported_by uuid references app_user (id),
        responsible_id uuid references app_user (id),
        event_id uuid references production_event (id),
        opened_at timestamptz not null default now(),
        closed_at timestamptz,
        close_note text,
        version integer not null default 1,
        check (unit_id is null or quantity = 1)
      );
      create index repair_open_idx on repair (item_id) where status = 'OPEN';
      create unique index repair_open_unit_key on repair (unit_id) where status = 'OPEN' and unit_id is not null;
      create index repair_responsible_idx on repair (responsible_id) where status = 'OPEN';

      create table repair_rule (
        id uuid primary key default gen_random_uuid(),
        category_id uuid references equipment_category (id),
        problem_kind text,
        responsible_id uuid not null references app_user (id),
        version integer not null default 1,
        created_at timestamptz not null default now()
      );
      create unique index repair_rule_key on repair_rule (coalesce(category_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(problem_kind, ''));

      create table equipment_movement (
        id bigserial primary key,
        at timestamptz not null default now(),
        actor_id uuid references app_user (id),
        kind text not null check (kind in ('CHECK_OUT', 'CHECK_IN', 'REPAIR_IN', 'REPAIR_OUT', 'WRITE_OFF', 'TRANSFER')),
        item_id uuid not null references equipment_item (id),
        unit_id uuid references equipment_unit (id),
        case_id uuid references equipment_case (id),
        event_id uuid references production_event (id),
        quantity integer not null check (quantity > 0),
        via text not null default 'MANUAL' check (via in ('SCAN', 'MANUAL')),
        condition text check (condition in ('OK', 'DAMAGED', 'MISSING')),
        note text
      );
      create index equipment_movement_event_idx on equipment_movement (event_id, item_id) where event_id is not null;
      create index equipment_movement_unit_idx on equipment_movement (unit_id, at) where unit_id is not null;
      create index equipment_movement_item_idx on equipment_movement (item_id, at);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop trigger if exists production_event_equipment_sync on production_event;
      drop function if exists production_event_equipment_sync();
      drop table if exists equipment_movement, repair_rule, repair, event_subrental, event_equipment_unit, event_equipment, equipment_unit, equipment_case, equipment_item, equipment_category;
      drop function if exists event_equipment_fill();
      alter table company_settings drop column if exists equipment_double_booking;
    `);
  }
}
