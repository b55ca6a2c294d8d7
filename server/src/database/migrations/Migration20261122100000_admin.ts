import { Migration } from '@mikro-orm/migrations';

/**
 * Administration (issue 6): a tamper-evident, append-only journal; company logo and the equipment
 * double-booking policy; personal calendar feed tokens.
 *
 * ## The journal hash chain
 *
 * Every journal row carries `prev_hash` (the `hash` of the row before it in `seq` order, or 64 zeros
 * for the first row) and `hash` = SHA-256, in lower-case hex, of the UTF-8 bytes of
 *
 *     prev_hash || E'\n' || jsonb_build_array(seq, at, actor_id, actor_label, action, object_type,
 *                                             object_id, summary, changes, context)::text
 *
 * where `at` is written as `YYYY-MM-DDTHH:MI:SS.MSZ` in UTC (so the session time zone does not
 * matter; `at` itself is stored at millisecond precision, so it survives a round trip through a
 * JavaScript Date or JSON exactly) and the jsonb text form is PostgreSQL's canonical one (keys sorted, fixed spacing), so the
 * same content always gives the same bytes. `journal_row_hash` below is the one definition; the
 * `journal:verify` command recomputes it for every row.
 *
 * The trigger `journal_chain` computes both columns on INSERT, in `seq` order: it takes the same
 * transaction-level advisory lock the application takes before it journals (so concurrent writers
 * are serialised and the chain head cannot fork), reads the newest row, and links to it. `prev_hash`
 * is also UNIQUE, so even a writer that somehow read a stale head fails instead of forking the chain.
 *
 * Restoring a backup: rows copied verbatim (seq, at, …, prev_hash, hash) by INSERT in `seq` order
 * into an empty journal are accepted unchanged, because the hash is a pure function of the row's
 * content and the previous row's hash. A supplied `prev_hash` or `hash` that does not match what
 * the chain requires is refused (a tampered backup does not load silently). Rows inserted without
 * them (the application) get them computed. A supplied `seq` is kept; one at or below the chain head
 * (e.g. the sequence was not advanced after a restore) is replaced by a fresh one after the head.
 *
 * ## Append-only
 *
 * `journal_immutable` refuses UPDATE and DELETE of any row and TRUNCATE of the table, for every role
 * including the table owner the application connects as. Only someone who may disable triggers
 * (the owner or a superuser, deliberately) can alter a row, and `journal:verify` then names it.
 *
 * This migration seeds no row; existing rows are hashed in `seq` order before the guard is installed.
 */
export class Migration20261122100000_admin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function journal_row_hash(
        p_prev_hash text, p_seq bigint, p_at timestamptz, p_actor_id uuid, p_actor_label text, p_action text,
        p_object_type text, p_object_id text, p_summary text, p_changes jsonb, p_context jsonb
      ) returns text language sql stable parallel safe as $$
        select encode(sha256(convert_to(
          p_prev_hash || E'\\n' || jsonb_build_array(
            p_seq,
            to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            p_actor_id, p_actor_label, p_action, p_object_type, p_object_id, p_summary, p_changes, p_context
          )::text, 'UTF8')), 'hex')
      $$;

      alter table journal add column prev_hash text, add column hash text;

      -- Existing rows, in seq order (no trigger yet); timestamps to the millisecond like new ones.
      update journal set at = date_trunc('milliseconds', at);
      do $$
      declare
        r record;
        previous text := repeat('0', 64);
        computed text;
      begin
        for r in select * from journal order by seq loop
          computed := journal_row_hash(previous, r.seq, r.at, r.actor_id, r.actor_label, r.action, r.object_type, r.object_id, r.summary, r.changes, r.context);
          update journal set prev_hash = previous, hash = computed where seq = r.seq;
          previous := computed;
        end loop;
      end
      $$;

      alter table journal alter column prev_hash set not null, alter column hash set not null;
      alter table journal add constraint journal_prev_hash_key unique (prev_hash);

      create function journal_chain() returns trigger language plpgsql as $$
      declare
        head record;
        expected_prev text;
        computed text;
      begin
        -- The application's journal lock (JOURNAL_LOCK in journal.service.ts): one chain writer at a time.
        perform pg_advisory_xact_lock(7368823);
        select seq, hash into head from journal order by seq desc limit 1;
        expected_prev := coalesce(head.hash, repeat('0', 64));
        if head.seq is not null and new.seq <= head.seq then
          if new.hash is not null then
            raise exception 'journal row % comes after row % in the chain', new.seq, head.seq using errcode = 'check_violation';
          end if;
          perform setval(pg_get_serial_sequence('journal', 'seq'), head.seq);
          new.seq := nextval(pg_get_serial_sequence('journal', 'seq'));
        end if;
        if new.prev_hash is not null and new.prev_hash <> expected_prev then
          raise exception 'journal row % does not link to the chain head (row %)', new.seq, coalesce(head.seq, 0) using errcode = 'check_violation';
        end if;
        if new.hash is null then
          new.at := date_trunc('milliseconds', new.at);
        end if;
        computed := journal_row_hash(expected_prev, new.seq, new.at, new.actor_id, new.actor_label, new.action, new.object_type, new.object_id, new.summary, new.changes, new.context);
        if new.hash is not null and new.hash <> computed then
          raise exception 'journal row % does not match its hash', new.seq using errcode = 'check_violation';
        end if;
        new.prev_hash := expected_prev;
        new.hash := computed;
        return new;
      end
      $$;
      create trigger journal_chain before insert on journal for each row execute function journal_chain();

      create function journal_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'the journal is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
      end
      $$;
      create trigger journal_immutable before update or delete on journal for each row execute function journal_immutable();
      create trigger journal_no_truncate before truncate on journal for each statement execute function journal_immutable();

      -- Company settings (SPEC §9): equipment policy (the equipment issue may add it too), logo.
      alter table company_settings
        add column if not exists equipment_double_booking text not null default 'WARN'
          check (equipment_double_booking in ('ALLOW', 'WARN', 'BLOCK'));
      create table company_logo (
        id integer primary key default 1 check (id = 1),
        content_type text not null,
        data bytea not null,
        updated_at timestamptz not null default now()
      );

      -- Personal calendar feed: only the SHA-256 of the secret token is stored, like session tokens.
      alter table app_user add column ical_token_hash text;
      create unique index app_user_ical_token_key on app_user (ical_token_hash) where ical_token_hash is not null;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index if exists app_user_ical_token_key;
      alter table app_user drop column if exists ical_token_hash;
      drop table if exists company_logo;
      drop trigger if exists journal_no_truncate on journal;
      drop trigger if exists journal_immutable on journal;
      drop function if exists journal_immutable();
      drop trigger if exists journal_chain on journal;
      drop function if exists journal_chain();
      alter table journal drop constraint if exists journal_prev_hash_key;
      alter table journal drop column if exists prev_hash, drop column if exists hash;
      drop function if exists journal_row_hash(text, bigint, timestamptz, uuid, text, text, text, text, text, jsonb, jsonb);
    `);
  }
}
