import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // One graphql module instance, or type-graphql and graphql-js disagree about their classes.
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    name: 'server',
    root: import.meta.dirname,
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
