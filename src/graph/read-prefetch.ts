import { z } from 'zod';
import type { Gateway } from './gateway.ts';
import { EVIDENCE_LIMIT } from './read-relations.ts';
import type { RelationRequest } from './read-relations.ts';
import { readRows, rowMapSchema } from './read-rows.ts';
import type { ReadOptions } from './read-rows.ts';

/** A relationship field to read of a node of type `onType`: a `RelationRequest` without its key, numbered. */
export type PrefetchRequest = Omit<RelationRequest, 'key'> & { id: number; onType: string };

/** A node and the fields to read of it and (`children`) of the nodes at their other ends. */
export type PrefetchItem = { key: string; requests: (PrefetchRequest & { children: PrefetchRequest[] })[] };

const prefetchRowSchema = z.object({
  id: z.number().int(),
  node: z.unknown(),
  level1: z.array(z.object({ id: z.number().int(), rows: z.array(rowMapSchema) })),
  level2: z.array(z.object({ id: z.number().int(), key: z.string(), rows: z.array(rowMapSchema) })),
});

/** What `api/node-with-relations` found of one item (`id`: its place in the batch): the node, its fields' rows, and theirs by end key. */
export type PrefetchRow = z.infer<typeof prefetchRowSchema>;

/** Reads the items in one statement, in their order; null where no node has the item's key. */
export async function readPrefetchRows(
  gateway: Gateway,
  items: readonly PrefetchItem[],
  options: ReadOptions = {},
): Promise<(PrefetchRow | null)[]> {
  const params = items.map((item, id) => ({ id, key: item.key, requests: item.requests }));
  const rows = await readRows(gateway, 'api/node-with-relations', { batch: { items: params }, evidenceLimit: EVIDENCE_LIMIT }, options);
  const found: (PrefetchRow | null)[] = items.map(() => null);
  for (const raw of rows) {
    const row = prefetchRowSchema.parse(raw);
    found[row.id] = row;
  }
  return found;
}
