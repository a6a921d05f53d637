import { z } from 'zod';
import { fold } from '../extract/text/fold.ts';
import type { Gateway } from './gateway.ts';
import { parseNodeRow, readRows } from './read-rows.ts';
import type { NodeRow, NodeType, ReadOptions } from './read-rows.ts';

/**
 * Accent-insensitive search. Neo4j has no Vietnamese analyzer and `standard-folding` drops
 * English stop words that folded Vietnamese words collide with (`thể` → `the`), so the loader
 * indexes a folded copy of each name with the `whitespace` analyzer and the query is folded
 * the same way here.
 */

export type SearchHit = { node: NodeRow; score: number };

const hitSchema = z.object({ node: z.unknown(), score: z.number() });

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** The Lucene query for a user's words: every word required, the last one also as a prefix. Null when nothing is left to search. */
export function buildSearchQuery(text: string): string | null {
  const words = fold(text)
    .split(' ')
    .map((w) => w.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((w) => w.length > 0);
  const last = words.pop();
  if (last === undefined) return null;
  return [...words.map((w) => `+${w}`), `+(${last}^2 OR ${last}*)`].join(' ');
}

/** The best hits for the words, optionally only of some types; empty when the text has no words. */
export async function searchEntities(
  gateway: Gateway,
  text: string,
  types: readonly NodeType[] | null,
  limit: number,
  options: ReadOptions = {},
): Promise<SearchHit[]> {
  const query = buildSearchQuery(text);
  if (query === null) return [];
  const rows = await readRows(gateway, 'api/search', { query, types: types ?? null, limit }, options);
  return rows.map((row) => {
    const { node, score } = hitSchema.parse(row);
    return { node: parseNodeRow(node), score };
  });
}
