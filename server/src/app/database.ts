import type { Logger } from '../common/logger.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

/** The database to use: `DATABASE_URL` when given, else the embedded PostgreSQL in `<dataDir>/pg`. */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string; logger: Logger }): Promise<{
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}> {
  if (options.databaseUrl) return { url: options.databaseUrl, embedded: false, stop: async () => undefined };
  const database = await startEmbeddedPostgres({ dataDir: options.dataDir, logger: options.logger });
  return { url: database.url, embedded: true, stop: () => database.stop() };
}
