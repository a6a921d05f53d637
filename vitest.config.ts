import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs in parallel and needs no database; `integration` (`*.int.test.ts`) runs
 * its files one at a time against one real Neo4j that `test/global-setup.ts` starts for the run.
 */
export default defineConfig({
  // graphql-js ships CommonJS (`main`) and ESM (`module`) copies; Node (and so every dependency)
  // loads the CommonJS one, Vite would give the project's own imports the other, and graphql-js
  // refuses to mix two copies' types. One copy, as in production.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts', 'src/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/global-setup.ts'],
          // One worker process runs the integration files one after another.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          // Generous: a busy 2-core machine runs a JVM, the tests and the extractor at once.
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
