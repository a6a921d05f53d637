import DataLoader from 'dataloader';
import type { Config } from '../config.ts';
import type { Gateway } from '../graph/gateway.ts';
import type { ReportLimits } from '../io/report-checks.ts';
import type { Analyzer } from '../workers/analyzer.ts';
import type { ReportIngester } from '../workers/report-ingester.ts';
import type { RelationRequest, RelationRow } from '../graph/read-relations.ts';
import type { NodeRow, ReadOptions } from '../graph/read-rows.ts';
import type { SharedReads } from './shared-reads.ts';

/**
 * Per-request state: the gateway, the read timeout, the caller's API key and fresh DataLoaders,
 * so every relationship field of one response level is fetched in one batched query and no
 * cache outlives the request (a Neo4j restart leaves nothing stale behind). The loaders read
 * through `shared`, which puts the reads of the requests in flight into one statement.
 */
export type ApiContext = {
  config: Config['api'];
  gateway: Gateway;
  read: ReadOptions;
  /** The key the caller presented (`Authorization: Bearer` or `x-api-key`), if any. */
  presentedKey: string | null;
  loaders: ApiLoaders;
  /** The server's reads shared by concurrent requests (no cache). */
  shared: SharedReads;
  /** The server's worker threads and per-report limits. */
  services: ApiServices;
};

/** What the server runs off the event loop, shared by every request: `ingestReport`'s extraction and load, exports and measures. */
export type ApiServices = { ingester: ReportIngester; analyzer: Analyzer; reportLimits: ReportLimits };

export type ApiLoaders = {
  nodes: DataLoader<string, NodeRow | null>;
  texts: DataLoader<string, string | null>;
  relations: DataLoader<RelationRequest, RelationRow[], string>;
};

/** Builds the context of one request. */
export function createApiContext(
  config: Config['api'],
  gateway: Gateway,
  shared: SharedReads,
  services: ApiServices,
  headers: Record<string, string | string[] | undefined>,
): ApiContext {
  const read: ReadOptions = { timeoutMs: config.queryTimeoutMs };
  return { config, gateway, read, presentedKey: readPresentedKey(headers), loaders: createLoaders(shared), shared, services };
}

/** Fresh loaders for one request, each answering what it has not yet read through `shared`. */
export function createLoaders(shared: SharedReads): ApiLoaders {
  return {
    nodes: new DataLoader((keys) => shared.nodes.loadMany(keys)),
    texts: new DataLoader((keys) => shared.texts.loadMany(keys)),
    relations: new DataLoader((requests) => shared.relations.loadMany(requests), {
      cacheKeyFn: (request) => JSON.stringify(request),
    }),
  };
}

/** The API key in `Authorization: Bearer <key>` or `x-api-key: <key>`, else null. */
export function readPresentedKey(headers: Record<string, string | string[] | undefined>): string | null {
  const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const bearer = /^Bearer\s+(.+)$/i.exec(single(headers.authorization)?.trim() ?? '');
  const key = bearer?.[1] ?? single(headers['x-api-key']);
  return key && key.trim() !== '' ? key.trim() : null;
}
