import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const prefix = 'loadout-e2e-';

/**
 * Global setup: deletes the data folders (embedded PostgreSQL, uploads) that earlier runs left
 * in the temp folder. The folder of a run whose runner process still lives is kept — that
 * includes this run's, whose server is already up by now.
 */
export default async function removeStaleDataDirs(): Promise<void> {
  const tmp = os.tmpdir();
  for (const name of await fs.readdir(tmp)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    await fs.rm(path.join(tmp, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
