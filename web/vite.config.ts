import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs separately on :4000; everything the app calls is same-origin
// in production (the server serves web/dist), so the dev server proxies those paths.
// `changeOrigin` stays off: the API refuses requests whose Origin differs from their Host
// (CSRF and WebSocket-hijacking guard), and the browser's Origin is the dev server's.
const apiTarget = 'http://localhost:4000';
const proxied = { target: apiTarget, changeOrigin: false };

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { ...proxied, ws: true },
      '/healthz': proxied,
      '/api': proxied,
    },
  },
  worker: {
    format: 'es',
  },
  build: {
    // The GraphiQL chunk carries Monaco (several MB); it is lazy-loaded on /playground only.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's React-compiler output starts modules with "use no memo"; dropping it is harmless.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
