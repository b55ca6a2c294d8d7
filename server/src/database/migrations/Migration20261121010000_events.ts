import { Migration } from '@mikro-orm/migrations';

/**
 * Clients, venues, crew roles, production events, crew assignments and presence (issue 3).
 * An event's reserved days are a generated `daterange` (prep and return days included) behind GiST
 * indexes, so "busy that day" and calendar windows stay index scans at 100,000 events.
 */
export class Migration20261121010000_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table company_settings
        add column cutover_hour smallint not null default 6 check (cutover_hour between 0 and 12),
        add column crew_double_booking text not null default 'WARN' check (crew_double_booking in ('ALLOW', 'WARN', 'BLOCK')),
        add column phone_region text not null default 'RU' check (phone_region ~ '^[A-Z]{2}$');

      create table client (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(btrim(name)) > 0),
        kind text not null check (kind in ('COMPANY', 'PERSON')),
        phone text not null,
        email text,
        contact_person text,
        notes text,
        state text not null default 'POTENTIAL' check (state in ('POTENTIAL', 'ACTIVE', 'INACTIVE')),
        archived_at timestamptz,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index client_phone_key on client (phone);
      create index client_name_idx on client (lower(name));

      create table venue (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(btrim(name)) > 0),
        address text,
        notes text,
        archived_at timestamptz,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index venue_name_idx on venue (lower(name));

      create table crew_role (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(btrim(name)) > 0),
        position integer not null default 0,
        retired boolean not null default false,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index crew_role_name_key on crew_role (lower(name));

      create table production_event (
        id uuid primary key default gen_random_uuid(),
        title text not null check (length(btrim(title)) > 0),
        start_date date not null,
        end_date date not null,
        start_time time,
        end_time time,
        ends_next_day boolean not null default false,
        prep_days smallint not null default 0 check (prep_days between 0 and 30),
        return_days smallint not null default 0 check (return_days between 0 and 30),
        status text not null check (status in ('draft', 'tentative', 'confirmed', 'in_progress', 'completed', 'cancelled')),
        client_id uuid references client (id),
        venue_id uuid references venue (id),
        manager_id uuid references app_user (id),
        senior_engineer_id uuid references app_user (id),
        notes text,
        problem_note text,
        busy_days daterange generated always as (daterange(start_date - prep_days, end_date + return_days, '[]')) stored,
        version integer not null default 1,
        created_by uuid references app_user (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz,
        deleted_by uuid references app_user (id),
        check (end_date >= start_date)
      );
      create index production_event_busy_idx on production_event using gist (busy_days) where deleted_at is null;
      create index production_event_client_idx on production_event (client_id, start_date);
      create index production_event_deleted_idx on production_event (deleted_at) where deleted_at is not null;

      create table crew_assignment (
        id uuid primary key default gen_random_uuid(),
        event_id uuid not null references production_event (id),
        user_id uuid not null references app_user (id),
        crew_role_id uuid not null references crew_role (id),
        acknowledged_at timestamptz,
        override_reason text,
        assigned_by uuid references app_user (id),
        created_at timestamptz not null default now(),
        unique (event_id, user_id)
      );
      create index crew_assignment_user_idx on crew_assignment (user_id, event_id);
      create index crew_assignment_role_idx on crew_assignment (crew_role_id);

      -- Everyone an event occupies: its crew, its senior engineer and its responsible manager (SPEC §2).
      -- UNION ALL (a person may appear twice) so the planner pushes a user_id or event_id into each
      -- branch and uses its index instead of building the whole view.
      create view event_person as
        select event_id, user_id from crew_assignment
        union all
        select id, senior_engineer_id from production_event where senior_engineer_id is not null
        union all
        select id, manager_id from production_event where manager_id is not null;
      create index production_event_manager_id_idx on production_event (manager_id);
      create index production_event_senior_id_idx on production_event (senior_engineer_id);

      -- Journal rows that notify people: "myNotifications" and its catch-up read them by recipient.
      create index journal_notify_idx on journal using gin ((context -> 'notify') jsonb_path_ops);

      -- Who has a calendar or an event open. Ephemeral: not journaled, not backed up, not WAL-logged.
      create unlogged table presence (
        session_id uuid not null,
        -- One browser tab (or one subscription when the client names none): two tabs of one session are two rows.
        tab_id text not null default '',
        scope text not null,
        user_id uuid not null,
        editing boolean not null default false,
        since timestamptz not null default now(),
        expires_at timestamptz not null,
        primary key (session_id, tab_id, scope)
      );
      create index presence_scope_idx on presence (scope);
      create index presence_expires_idx on presence (expires_at);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table if exists presence;
      drop index if exists journal_notify_idx;
      drop view if exists event_person;
      drop table if exists crew_assignment, production_event, crew_role, venue, client;
      alter table company_settings drop column if exists cutover_hour, drop column if exists crew_double_booking, drop column if exists phone_region;
    `);
  }
}
