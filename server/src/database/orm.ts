import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from '../common/logger.js';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export interface OrmHooks {
  /** Called once per SQL statement (turns on MikroORM's query logging, so only for tests and benchmarks). */
  onStatement?: () => void;
}

export function ormOptions(databaseUrl: string, logger?: Logger, hooks: OrmHooks = {}): Options {
  return {
    clientUrl: databaseUrl,
    entities,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    // While the database is unreachable a request must fail fast (SERVICE_UNAVAILABLE within 2 s), not
    // hang: opening a connection gives up after 1.5 s, and the pool passes that failure to the request
    // waiting for it (tarn's propagateCreateError, knex's default). A request merely queued behind busy
    // connections under load may wait longer — that is not an outage.
    pool: { min: 0, max: 10, acquireTimeoutMillis: 10_000, createTimeoutMillis: 2000, propagateCreateError: true },
    driverOptions: { connection: { connectionTimeoutMillis: 1500, statement_timeout: 30000, keepAlive: true } },
    debug: hooks.onStatement ? ['query'] : false,
    logger: (message) => (hooks.onStatement ? hooks.onStatement() : logger?.debug(message)),
  };
}

/** Connects to PostgreSQL; throws if the database cannot be reached. */
export async function connectOrm(databaseUrl: string, logger?: Logger, hooks?: OrmHooks): Promise<MikroORM> {
  return MikroORM.init(ormOptions(databaseUrl, logger, hooks));
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}

/**
 * A PostgreSQL array literal for one bound parameter (`= any(?::uuid[])`). Knex would expand a JS
 * array into a comma list instead. Only for values without quotes, braces or commas (ids, enum names).
 */
export function pgArray(values: readonly string[]): string {
  for (const value of values) if (!/^[\w-]+$/.test(value)) throw new Error(`pgArray takes ids and names only, got ${JSON.stringify(value)}`);
  return `{${values.join(',')}}`;
}

/**
 * Runs the independent queries of one read: side by side (each on a connection of the pool) outside a
 * transaction, one after another inside one, whose single connection takes one query at a time — pg
 * would queue the others itself, but warns that pg 9 will refuse a query sent while one is running.
 */
export async function runQueries<const T extends readonly (() => Promise<unknown>)[]>(
  em: EntityManager,
  queries: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Results = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (!em.isInTransaction()) return (await Promise.all(queries.map((query) => query()))) as Results;
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as Results;
}
