import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// LOADOUT_E2E_PORT / LOADOUT_E2E_WEB_DIST let several checkouts or builds run side by side.
const port = Number(process.env['LOADOUT_E2E_PORT'] ?? 4100);
const baseURL = `http://localhost:${port}`;

// A fresh database for every run. Workers evaluate this file again with another pid; the
// environment variable (inherited from the runner) keeps them on the runner's folder.
process.env['LOADOUT_E2E_DATA_DIR'] ??= path.join(os.tmpdir(), `loadout-e2e-${process.pid}`);
const dataDir = process.env['LOADOUT_E2E_DATA_DIR'];

export default defineConfig({
  testDir: '.',
  // Not *.spec.ts: the root `vitest run` must not pick these up.
  testMatch: '**/*.e2e.ts',
  // One server and one database for all tests, and some tests change shared accounts.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: path.join(repoRoot, port === 4100 ? 'test-results' : `test-results-${port}`),
  globalSetup: './support/removeStaleDataDirs.ts',
  use: {
    baseURL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium (`apt-get install chromium`); never `playwright install`.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node server/dist/main.js',
    cwd: repoRoot,
    url: `${baseURL}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOADOUT_DEMO: '1',
      PUBLIC_URL: baseURL,
      ...(process.env['LOADOUT_E2E_WEB_DIST'] ? { WEB_DIST: process.env['LOADOUT_E2E_WEB_DIST'] } : {}),
    },
  },
});
