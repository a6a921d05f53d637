import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../src/config.ts';
import { startApiServer } from '../../../src/api/server.ts';
import { ensureProvinces } from '../../../src/graph/ensure-provinces.ts';
import { ingestPaths } from '../../../src/graph/ingest.ts';
import { applySchema } from '../../../src/graph/migrate.ts';
import type { Database } from '../../../src/graph/database.ts';
import { mountAnalystRoutes } from '../../../src/web/routes.ts';
import { resetGraph } from '../../support/database.ts';

const seedsDir = fileURLToPath(new URL('../../../seeds/', import.meta.url));

/**
 * The seeds graph as a user gets it: the five seed reports read and loaded by the real
 * extractor and loader (`ingestPaths`), into an emptied test database. Returns how many
 * reports failed, which a test expects to be none.
 */
export async function loadSeedReports(database: Database): Promise<{ failed: string[] }> {
  await resetGraph(database.gateway);
  await applySchema(database.gateway, { awaitIndexesSeconds: 60 });
  await ensureProvinces(database.gateway);
  const summary = await ingestPaths(database.gateway, [seedsDir]);
  return { failed: summary.failed.map((failure) => `${failure.file}: ${failure.reason}`) };
}

/** The API server with the analyst routes, on a free loopback port; `origin` is `http://127.0.0.1:<port>`. */
export async function startAnalystServer(database: Database): Promise<{ origin: string; graphql: string; close(): Promise<void> }> {
  const config = loadConfig();
  const server = await startApiServer({
    config: { ...config, api: { ...config.api, host: '127.0.0.1', port: 0, development: true } },
    database,
    mount: [(app, services) => mountAnalystRoutes(app, { analyzer: services.analyzer })],
  });
  return { origin: new URL(server.url).origin, graphql: server.url, close: server.close };
}
