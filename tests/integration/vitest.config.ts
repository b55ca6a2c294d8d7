import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'integration',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    environment: 'node',
    // The server runs in UTC; the company zone (a setting) decides days — tests set it to other zones.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The server is loaded from its build output by Node itself: decorator metadata and one graphql instance.
    server: { deps: { external: [/server\/dist/, /node_modules/] } },
    pool: 'forks',
    maxWorkers: 2,
    // Its own group (after the unit projects): Vitest refuses projects with different maxWorkers in one group.
    sequence: { groupOrder: 1 },
  },
});
