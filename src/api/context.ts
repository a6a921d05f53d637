import DataLoader from 'dataloader';
import type { Config } from '../config.ts';
import type { Gateway } from '../graph/gateway.ts';
import { readNodesByKey, readReportTexts } from '../graph/read-nodes.ts';
import { readRelations } from '../graph/read-relations.ts';
import type { RelationRequest, RelationRow } from '../graph/read-relations.ts';
import type { NodeRow, ReadOptions } from '../graph/read-rows.ts';

/**
 * Per-request state: the gateway, the read timeout, the caller's API key and fresh DataLoaders,
 * so every relationship field of one response level is fetched in one batched query and no
 * cache outlives the request (a Neo4j restart leaves nothing stale behind).
 */
export type ApiContext = {
  config: Config['api'];
  gateway: Gateway;
  read: ReadOptions;
  /** The key the caller presented (`Authorization: Bearer` or `x-api-key`), if any. */
  presentedKey: string | null;
  loaders: ApiLoaders;
};

export type ApiLoaders = {
  nodes: DataLoader<string, NodeRow | null>;
  texts: DataLoader<string, string | null>;
  relations: DataLoader<RelationRequest, RelationRow[], string>;
};

/** Builds the context of one request. */
export function createApiContext(config: Config['api'], gateway: Gateway, headers: Record<string, string | string[] | undefined>): ApiContext {
  const read = { timeoutMs: config.queryTimeoutMs };
  return { config, gateway, read, presentedKey: readPresentedKey(headers), loaders: createLoaders(gateway, read) };
}

/** Fresh loaders for one request. */
export function createLoaders(gateway: Gateway, read: ReadOptions): ApiLoaders {
  return {
    nodes: new DataLoader((keys) => readNodesByKey(gateway, keys, read)),
    texts: new DataLoader((keys) => readReportTexts(gateway, keys, read)),
    relations: new DataLoader((requests) => readRelations(gateway, requests, read), {
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
