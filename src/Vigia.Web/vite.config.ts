/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// `npm run dev` serves the console on http://127.0.0.1:5173 and forwards /api to a running
// `vigia serve` (VIGIA_SERVER, default http://127.0.0.1:8080), so the console talks to the real API.
const server = process.env.VIGIA_SERVER ?? 'http://127.0.0.1:8080';
const junit = process.env.VITEST_JUNIT;

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    // MapLibre alone is ~1 MB minified; the gzipped budget (1.5 MB) is checked by `npm run size`.
    chunkSizeWarningLimit: 1500,
  },
  // The picture worker (src/worker) is an ES module worker, bundled like the rest (no CDN, no blob: URL).
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: server, changeOrigin: false } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: junit ? ['default', 'junit'] : ['default'],
    ...(junit ? { outputFile: { junit } } : {}),
  },
});
