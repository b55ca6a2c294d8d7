import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { openDatabase } from './app/database.js';
import { createLogger } from './common/logger.js';
import { DomainError } from './common/errors.js';
import { ConfigError, parseConfig } from './config/config.js';
import { EmbeddedPostgresError } from './database/embedded-postgres.js';
import { connectOrm, migrate } from './database/orm.js';
import { BackupFileError } from './modules/backups/backup-format.js';
import { restoreBackup, RestoreRefusedError } from './modules/backups/backup-restore.js';
import { writeBackup } from './modules/backups/backup-writer.js';
import { createServices, seedInstallation, type Services } from './app/services.js';

/** Opens the configured database (embedded when DATABASE_URL is unset), migrates it and runs `work`. */
async function withDatabase(work: (services: Services & { orm: Awaited<ReturnType<typeof connectOrm>>; logger: ReturnType<typeof createLogger> }) => Promise<void>): Promise<void> {
  const config = parseConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger });
  try {
    const orm = await connectOrm(database.url, logger);
    try {
      await migrate(orm);
      const services = createServices(orm);
      await seedInstallation(orm, services, false, logger);
      await work({ ...services, orm, logger });
    } finally {
      await orm.close();
    }
  } finally {
    await database.stop();
  }
}

function generatedPassword(): string {
  return randomBytes(12).toString('base64url');
}

const program = new Command()
  .name('loadout')
  .description('Loadout administration commands. Uses DATABASE_URL, or the embedded database in DATA_DIR.')
  .showHelpAfterError();

program
  .command('migrate')
  .description('Apply pending database migrations.')
  .action(() =>
    withDatabase(async ({ orm }) => {
      const applied = await migrate(orm);
      console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    }),
  );

program
  .command('seed')
  .description('Create the demo accounts and data (password "loadout-demo"). Never run this on a production database.')
  .action(() =>
    withDatabase(async ({ orm, logger: _logger, ...services }) => {
      await seedInstallation(orm, services, true, createLogger('info'));
    }),
  );

program
  .command('create-admin')
  .description('Create an account with the Administrator role (the first account of a new installation).')
  .requiredOption('--email <email>', 'login e-mail')
  .requiredOption('--name <name>', 'full name')
  .option('--password <password>', 'password (at least 8 characters); generated and printed when omitted')
  .action((options: { email: string; name: string; password?: string }) =>
    withDatabase(async ({ staff }) => {
      const password = options.password ?? generatedPassword();
      const user = await staff.createUser(null, { email: options.email, name: options.name, password, roleName: 'Administrator' });
      console.log(`Administrator ${user.email} created.${options.password ? '' : ` Password: ${password}`}`);
    }),
  );

program
  .command('reset-password')
  .description("Set a new password for an account and end all of its sessions.")
  .requiredOption('--email <email>', 'login e-mail of the account')
  .option('--password <password>', 'new password; generated and printed when omitted')
  .action((options: { email: string; password?: string }) =>
    withDatabase(async ({ staff }) => {
      const password = options.password ?? generatedPassword();
      const user = await staff.resetPassword(null, options.email, password);
      console.log(`Password of ${user.email} reset; its sessions ended.${options.password ? '' : ` New password: ${password}`}`);
    }),
  );

/** Opens the configured database as it is: no migrations, no base data (backup and restore want it untouched). */
async function withRawDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const config = parseConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger });
  try {
    await work(database.url);
  } finally {
    await database.stop();
  }
}

program
  .command('backup')
  .description('Write a consistent snapshot of all data to backups/loadout-YYYY-MM-DD_HH-MM.backup.gz (UTC time), with a manifest.')
  .option('--dir <folder>', 'folder to write to', 'backups')
  .action((options: { dir: string }) =>
    withRawDatabase(async (url) => {
      const written = await writeBackup(url, options.dir);
      const rows = written.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
      console.log(`Backup written: ${written.file} (${rows} rows in ${written.manifest.tables.length} tables, schema ${written.manifest.lastMigration ?? 'empty'}).`);
    }),
  );

program
  .command('restore')
  .description('Load a backup into an empty database (one transaction), migrating it forward when it is older.')
  .argument('<file>', 'a backup file written by `backup`')
  .option('--replace', 'drop the data of a database that is not empty and replace it with the backup')
  .action((file: string, options: { replace?: boolean }) =>
    withRawDatabase(async (url) => {
      const orm = await connectOrm(url);
      try {
        const result = await restoreBackup(orm, file, { replace: options.replace });
        const forward = result.migratedForward.length > 0 ? ` Migrated forward: ${result.migratedForward.join(', ')}.` : '';
        console.log(`Restored ${file}: ${result.rows} rows in ${result.manifest.tables.length} tables, taken ${result.manifest.createdAt}.${forward}`);
      } finally {
        await orm.close();
      }
    }),
  );

program
  .command('journal:verify')
  .description('Check the journal hash chain; names the first broken row and exits with status 2 when it is broken.')
  .action(() =>
    withDatabase(async ({ journal }) => {
      const result = await journal.verifyChain();
      if (result.ok) {
        console.log(`Journal intact: ${result.rows} rows, chain verified up to row ${result.lastSeq}.`);
        return;
      }
      console.error(
        `Journal BROKEN at row ${result.brokenSeq} (${result.action}, ${result.at.toISOString()}): ${result.reason}. ${result.rows} rows before it are intact.`,
      );
      process.exitCode = 2;
    }),
  );

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError || error instanceof DomainError || error instanceof RestoreRefusedError || error instanceof BackupFileError) console.error(error.message);
  else console.error(`Failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exit(1);
});
