import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpSession, waitFor } from './support/harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const main = path.join(root, 'server/dist/main.js');
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [main], { cwd: root, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, output: () => output, exited };
}

describe('the npm start process', () => {
  it('starts on a fresh embedded database with demo data, then drains and stops it on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'loadout-process-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const server = start({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' });
    // A fresh embedded PostgreSQL, migrations and the whole demo: generous, as the machine may be busy.
    await waitFor(() => /running at (http:\/\/\S+)/.test(server.output()), 150_000, 'the server to start');
    const url = server.output().match(/running at (http:\/\/localhost:\d+)/)![1];

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });
    const login = await new HttpSession(url).login('admin@loadout.demo');
    expect(login.errors).toBeUndefined();
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // PostgreSQL removes its pid file only on a clean shutdown.
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(server.output()).not.toMatch(/\n\s+at /);
  }, 180_000);

  it('refuses a bad setting with one line naming the variable', async () => {
    const server = start({ PORT: 'not-a-port', DATA_DIR: os.tmpdir() });
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT/);
  });

  it('says in one line when DATABASE_URL cannot be reached', async () => {
    const server = start({ DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none', PORT: '0' });
    expect(await server.exited).toBe(1);
    const text = server.output().trim();
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toMatch(/Cannot reach the database/);
    expect(text).not.toContain('secret');
  });
});
