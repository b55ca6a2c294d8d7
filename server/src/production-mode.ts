/**
 * Imported first by main.ts, before graphql loads: graphql-js reads NODE_ENV once, and without
 * "production" it runs development-only checks on every value it resolves (a third of the CPU of a
 * month's calendar, see tests/bench). Behaviour that matters (introspection, stack traces, landing
 * page) is set explicitly in bootstrap, never left to NODE_ENV.
 */
process.env.NODE_ENV ??= 'production';
