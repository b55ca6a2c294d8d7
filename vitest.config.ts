import { defineConfig } from 'vitest/config';

// One `vitest run` for every tier but the browser: unit specs next to the code (server and web) and
// integration tests against real servers on a real PostgreSQL.
export default defineConfig({
  test: {
    projects: ['server/vitest.config.ts', 'web/vitest.config.ts', 'tests/integration/vitest.config.ts'],
  },
});
