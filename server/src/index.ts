/** The server as a library: what the CLI, the tests and the benchmarks start. */
export { bootstrap, type BootstrapOptions, type RunningServer } from './app/bootstrap.js';
export { createLogger, type Logger } from './common/logger.js';
export { ConfigError, parseConfig } from './config/config.js';
export { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/demo/demo-data.js';
export { LOGIN_LIMITS } from './modules/auth/auth.service.js';
export { SESSION_COOKIE } from './modules/auth/session-token.js';
export { LIMITS } from './graphql/limits.js';
export { ALL_PERMISSIONS, BUILT_IN_ROLES, PERMISSIONS } from './modules/staff/permissions.js';
export { BUS_APPLICATION_NAME, REDIS_CHANNEL } from './realtime/journal-bus.js';
export { printLoadoutSchema } from './schema/emit-schema.js';
export { connectOrm, migrate } from './database/orm.js';
export { migrationsList } from './database/migrations/index.js';
export { BackupFileError, readManifest, verifyBackup, type BackupManifest } from './modules/backups/backup-format.js';
export { restoreBackup, RestoreRefusedError } from './modules/backups/backup-restore.js';
export { writeBackup } from './modules/backups/backup-writer.js';
export { seedInstallation, createServices } from './app/services.js';
export { webhookSignature, retryDelayMs } from './modules/webhooks/webhook-dispatcher.js';
