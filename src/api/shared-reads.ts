import createDebug from 'debug';
import DataLoader from 'dataloader';
import type { Gateway } from '../graph/gateway.ts';
import { readNodesByKey, readReportTexts } from '../graph/read-nodes.ts';
import { readRelations } from '../graph/read-relations.ts';
import type { RelationRequest, RelationRow } from '../graph/read-relations.ts';
import { readPrefetchRows } from '../graph/read-prefetch.ts';
import type { PrefetchItem, PrefetchRow } from '../graph/read-prefetch.ts';
import type { NodeRow, ReadOptions } from '../graph/read-rows.ts';

const log = createDebug('hoptac:api');

/**
 * The reads that the requests in flight share, one per statement. A request's own loaders
 * (`createLoaders`) gather the fields of one response level; these gather them across requests:
 * what every request asks while the event loop handles the requests that have arrived goes out
 * together, as one statement, once that turn ends (`setImmediate`). Under load the server then
 * runs a few statements for many requests instead of one per request, and the driver and Neo4j
 * work per request shrinks with the batch.
 *
 * Nothing is cached: each read goes to the database, so no answer outlives the requests that
 * asked it. A batch that fails (database gone, timeout) fails every request in it, as each would
 * have failed alone.
 */
export type SharedReads = {
  nodes: DataLoader<string, NodeRow | null>;
  texts: DataLoader<string, string | null>;
  relations: DataLoader<RelationRequest, RelationRow[]>;
  prefetch: DataLoader<PrefetchItem, PrefetchRow | null>;
};

/** Most reads in one shared statement; a larger batch is split. */
export const MAX_SHARED_BATCH = 200;

export function createSharedReads(gateway: Gateway, read: ReadOptions): SharedReads {
  const options = { cache: false, maxBatchSize: MAX_SHARED_BATCH, batchScheduleFn: (run: () => void) => setImmediate(run) };
  return {
    nodes: new DataLoader((keys) => readNodesByKey(gateway, keys, read), options),
    texts: new DataLoader((keys) => readReportTexts(gateway, keys, read), options),
    relations: new DataLoader((requests) => readRelations(gateway, requests, read), options),
    prefetch: new DataLoader((items) => readPrefetchRows(gateway, items, read), options),
  };
}

/**
 * Runs each shared read once, for a key no node has, so Neo4j plans their statements before the
 * first request does: planning the relationship reads takes seconds. A failure is logged, not
 * thrown: the API still starts, and the first request plans instead.
 */
export async function warmSharedReads(shared: SharedReads): Promise<void> {
  const key = 'warm-up:none';
  const field = { type: 'HOLDS_POSITION', direction: 'out', limit: 1, evidence: true } as const;
  const started = performance.now();
  try {
    await Promise.all([
      shared.nodes.load(key),
      shared.texts.load(key),
      shared.relations.load({ ...field, key }),
      shared.prefetch.load({ key, requests: [{ ...field, id: 0, onType: 'Official', children: [{ ...field, id: 0, onType: 'Alliance' }] }] }),
    ]);
    log('read statements planned in %d ms', Math.round(performance.now() - started));
  } catch (error) {
    log('planning the read statements failed: %s', (error as Error).message);
  }
}
