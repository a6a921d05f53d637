import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The pages, built once into `dist/web` and served by the API server, no CDN: the network page
 * (`/explore/`), the index page (`/`) and the GraphQL IDE (`GET /graphql`). All assets live
 * under `/explore/`.
 */
export default defineConfig({
  root: webRoot,
  base: '/explore/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    rollupOptions: {
      input: {
        explore: fileURLToPath(new URL('./index.html', import.meta.url)),
        home: fileURLToPath(new URL('./home.html', import.meta.url)),
        ide: fileURLToPath(new URL('./ide.html', import.meta.url)),
      },
      // zod's sources carry `@__PURE__` notes rollup cannot place, and GraphiQL's React parts
      // `"use client"` lines meant for server rendering: harmless both, not worth a screen.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION' && warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  resolve: {
    // The exporters run in the page too; csv-stringify's Node build needs Buffer, its browser build does not.
    alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
  },
});
