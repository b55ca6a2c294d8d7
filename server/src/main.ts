import './production-mode.js';
import 'reflect-metadata';
import { bootstrap } from './app/bootstrap.js';
import { createLogger } from './common/logger.js';
import { ConfigError, parseConfig } from './config/config.js';
import { EmbeddedPostgresError } from './database/embedded-postgres.js';

/** One line for the person starting the server; a stack trace only for real bugs, in the log. */
function explain(error: unknown): string {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (/ECONNREFUSED|ENOTFOUND|password authentication failed|does not exist|timeout/i.test(message)) {
    return `Cannot reach the database: ${message.split('\n')[0]}. Check DATABASE_URL, or unset it to use the embedded database.`;
  }
  if (/EADDRINUSE/.test(message)) return `The port is already in use (${message}). Set PORT to another one.`;
  return `Loadout could not start: ${message.split('\n')[0]}`;
}

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig();
  } catch (error) {
    console.error(explain(error));
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const server = await bootstrap({
    port: config.PORT,
    host: config.HOST,
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    publicUrl: config.PUBLIC_URL,
    allowedOrigins: config.ALLOWED_ORIGINS,
    demo: config.LOADOUT_DEMO,
    introspection: config.GRAPHQL_INTROSPECTION,
    sessionTtlDays: config.SESSION_TTL_DAYS,
    trustProxy: config.TRUST_PROXY,
    webDist: config.WEB_DIST,
    redisUrl: config.REDIS_URL,
    logger,
  }).catch((error: unknown) => {
    logger.debug('Start failed', { stack: error instanceof Error ? error.stack : undefined });
    console.error(explain(error));
    process.exit(1);
  });
  logger.info(`Loadout is running at ${config.PUBLIC_URL ?? server.url} (GraphQL: /graphql, playground: /playground)`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: draining connections and stopping`);
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
