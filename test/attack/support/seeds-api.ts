import { startApiServer } from '../../../src/api/server.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Database } from '../../../src/graph/database.ts';
import { openTestDatabase, resetGraph } from '../../support/database.ts';
import { postGraphql } from '../../api/support/http.ts';
import type { GraphqlResponse } from '../../api/support/http.ts';
import { loadSeedsGraph } from '../../api/support/seeds-graph.ts';

/** The API of the attack tests, in this process, over the seeds graph in the test run's Neo4j. */
export type SeedsApi = {
  db: Database;
  url: string;
  origin: string;
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphqlResponse>;
  /** Stops the server and empties the graph. */
  close(): Promise<void>;
};

export const API_KEY = 'attack-test-key';

/** Empties the graph, loads the seeds and serves them with the given settings on a free port. */
export async function startSeedsApi(env: Record<string, string> = {}): Promise<SeedsApi> {
  const db = await openTestDatabase();
  await resetGraph(db.gateway);
  await loadSeedsGraph(db.gateway);
  // Generous database time-outs: these tests assert answers and bounds far above normal times.
  const config = loadConfig({ PORT: '0', HOPTAC_API_KEY: API_KEY, API_QUERY_TIMEOUT_MS: '60000', ...env });
  const server = await startApiServer({ config, database: db });
  return {
    db,
    url: server.url,
    origin: new URL(server.url).origin,
    post: (query, variables, headers) => postGraphql(server.url, query, variables, headers),
    close: async () => {
      await server.close();
      await resetGraph(db.gateway);
      await db.close();
    },
  };
}

/** Milliseconds `work` took, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}
