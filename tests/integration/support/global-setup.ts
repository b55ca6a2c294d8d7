import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger, startEmbeddedPostgres } from '@loadout/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose role may create databases; each test file makes its own database. */
    adminDatabaseUrl: string;
  }
}

/**
 * With DATABASE_URL set, tests use that server (its role must be able to CREATE DATABASE).
 * Otherwise one embedded PostgreSQL is started for the whole run in a temporary folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.DATABASE_URL);
    return async () => undefined;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'loadout-test-pg-'));
  const database = await startEmbeddedPostgres({ dataDir, logger: createLogger('warn') });
  project.provide('adminDatabaseUrl', database.adminUrl);
  return async () => {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
