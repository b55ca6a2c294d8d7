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
export { BUS_APPLICATION_NAME } from './realtime/journal-bus.js';
export { printLoadoutSchema } from './schema/emit-schema.js';
export { AVAILABILITY_SQL, availabilityParams } from './modules/equipment/equipment-availability.js';
