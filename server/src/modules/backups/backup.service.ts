import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../common/errors.js';
import { requirePermissions } from '../../graphql/auth-checker.js';
import type { Viewer } from '../../graphql/context.js';
import type { JournalService } from '../journal/journal.service.js';
import { BACKUP_NAME_PATTERN, readManifest } from './backup-format.js';
import { writeBackup } from './backup-writer.js';
import { BackupFile } from './backup.types.js';

/** Backups made from the app: written to the backups folder, listed and downloaded by `backup:run`. */
export class BackupService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: JournalService,
    private readonly databaseUrl: string,
    readonly dir: string,
  ) {}

  /** Writes a backup now and journals who made it. */
  async run(viewer: Viewer): Promise<BackupFile> {
    requirePermissions(viewer, ['backup:run']);
    const written = await writeBackup(this.databaseUrl, this.dir);
    const rows = written.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    await this.journal.record(async () => ({
      result: undefined,
      journal: [
        {
          actor: viewer,
          action: 'backup.create',
          objectType: 'Backup',
          objectId: written.name,
          summary: `Backup ${written.name} (${rows} rows in ${written.manifest.tables.length} tables)`,
          context: { sizeBytes: written.sizeBytes, lastMigration: written.manifest.lastMigration },
        },
      ],
    }));
    return this.describe(written.name);
  }

  /** The backups in the folder, newest first. */
  async list(viewer: Viewer): Promise<BackupFile[]> {
    requirePermissions(viewer, ['backup:run']);
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => BACKUP_NAME_PATTERN.test(name));
    } catch {
      return [];
    }
    const files = await Promise.all(names.map((name) => this.describe(name).catch(() => null)));
    return files.filter((file): file is BackupFile => file !== null).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
  }

  /** The path of a backup to download; only names the app writes are accepted (no paths). */
  async fileFor(viewer: Viewer | null, name: string): Promise<string> {
    requirePermissions(viewer, ['backup:run']);
    const file = path.join(this.dir, name);
    if (!BACKUP_NAME_PATTERN.test(name)) throw new NotFoundError('Backup', name);
    try {
      await stat(file);
    } catch {
      throw new NotFoundError('Backup', name);
    }
    return file;
  }

  private async describe(name: string): Promise<BackupFile> {
    const file = path.join(this.dir, name);
    const [info, manifest] = await Promise.all([stat(file), readManifest(file)]);
    return {
      name,
      sizeBytes: info.size,
      createdAt: new Date(manifest.createdAt),
      appVersion: manifest.appVersion,
      lastMigration: manifest.lastMigration,
      tableCount: manifest.tables.length,
      rowCount: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    };
  }
}
