import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** The network page: built once into `dist/web`, served by the API server at `/explore/`, no CDN. */
export default defineConfig({
  root: webRoot,
  base: '/explore/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
    rollupOptions: {
      // zod's sources carry `@__PURE__` notes rollup cannot place; they are harmless, not worth a screen.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  resolve: {
    // The exporters run in the page too; csv-stringify's Node build needs Buffer, its browser build does not.
    alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
  },
});
