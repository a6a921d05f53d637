import { z } from 'zod';
import type { Gateway } from './gateway.ts';
import { parseNodeRow, readRows } from './read-rows.ts';
import type { NodeRow, ReadOptions } from './read-rows.ts';

// Built once: zod compiles a schema's parser on its first use, which costs more than the parse.
const keyedNodeSchema = z.object({ key: z.string(), node: z.unknown() });

/** Nodes by key in one query, in the order asked; null where no node has the key. */
export async function readNodesByKey(
  gateway: Gateway,
  keys: readonly string[],
  options: ReadOptions = {},
): Promise<(NodeRow | null)[]> {
  const rows = await readRows(gateway, 'api/nodes-by-key', { batch: { keys: [...new Set(keys)] } }, options);
  const found = new Map<string, NodeRow>();
  for (const row of rows) {
    const { key, node } = keyedNodeSchema.parse(row);
    found.set(key, parseNodeRow(node));
  }
  return keys.map((key) => found.get(key) ?? null);
}

/** Report texts by key, in the order asked; null where there is no such report. */
export async function readReportTexts(
  gateway: Gateway,
  keys: readonly string[],
  options: ReadOptions = {},
): Promise<(string | null)[]> {
  const rows = await readRows(gateway, 'api/report-texts', { batch: { keys: [...new Set(keys)] } }, options);
  const texts = new Map(rows.map((row) => [String(row.key), typeof row.text === 'string' ? row.text : null]));
  return keys.map((key) => texts.get(key) ?? null);
}
