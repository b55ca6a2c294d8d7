// Imported first by run.mjs (and the profiling script), before anything loads graphql: graphql-js reads
// NODE_ENV once, when it loads, and without "production" runs development-only checks on every value
// it resolves. The server's main.js does the same through server/dist/production-mode.js; the bench
// bootstraps the server in its own process, so it has to do it itself. `??=` like the server: an
// explicit NODE_ENV wins, and the results say which mode was measured.
process.env.NODE_ENV ??= 'production';
