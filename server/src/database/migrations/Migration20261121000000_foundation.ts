import { Migration } from '@mikro-orm/migrations';

/** Accounts, roles, sessions, company settings and the journal (audit log, change feed, bus outbox). */
export class Migration20261121000000_foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table company_settings (
        id integer primary key default 1 check (id = 1),
        name text not null,
        time_zone text not null,
        week_start smallint not null default 1 check (week_start between 1 and 7),
        default_language text not null default 'en',
        demo_mode boolean not null default false,
        version integer not null default 1,
        updated_at timestamptz not null default now()
      );

      create table role (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        permissions text[] not null default '{}',
        built_in boolean not null default false,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index role_name_key on role (lower(name));

      create table app_user (
        id uuid primary key default gen_random_uuid(),
        email text not null,
        name text not null,
        phone text,
        password_hash text not null,
        role_id uuid not null references role (id),
        active boolean not null default true,
        language text not null default 'en',
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index app_user_email_key on app_user (lower(email));
      create index app_user_role_idx on app_user (role_id);

      create table session (
        id uuid primary key default gen_random_uuid(),
        token_hash text not null unique,
        user_id uuid not null references app_user (id),
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        last_seen_at timestamptz not null default now(),
        user_agent text,
        ip text,
        ended_at timestamptz
      );
      create index session_user_open_idx on session (user_id) where ended_at is null;

      create table journal (
        seq bigserial primary key,
        at timestamptz not null default now(),
        actor_id uuid references app_user (id),
        actor_label text,
        action text not null,
        object_type text not null,
        object_id text,
        summary text not null,
        changes jsonb not null default '[]',
        context jsonb not null default '{}'
      );
      create index journal_at_idx on journal (at);
      create index journal_actor_idx on journal (actor_id, seq);
      create index journal_object_idx on journal (object_type, object_id, seq);
      create index journal_action_at_idx on journal (action, at);

      -- Delivered only when the inserting transaction commits: rolled-back work is never broadcast.
      create function journal_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('loadout', '');
        return null;
      end
      $$;
      create trigger journal_notify after insert on journal for each statement execute function journal_notify();
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop trigger if exists journal_notify on journal;
      drop function if exists journal_notify();
      drop table if exists journal, session, app_user, role, company_settings;
    `);
  }
}
