import { readFileSync } from 'node:fs';
import { print } from 'graphql';
import { gql } from 'graphql-tag';
import neo4j from 'neo4j-driver';
import { cypher } from '../src/graph/cypher.ts';
import type { Gateway } from '../src/graph/gateway.ts';
import { buildSearchQuery } from '../src/graph/read-search.ts';
import { ENTITY_RELATION_TYPES } from '../src/graph/subgraph.ts';

/** The questions both servers are asked. */
export const QUERY_KINDS = ['lookup', 'meeting', 'neighborhood', 'path', 'search'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export const QUERY_LABELS: Record<QueryKind, string> = {
  lookup: 'lookup by id',
  meeting: 'meeting+attendees+awards',
  neighborhood: 'depth-2 neighbourhood',
  path: 'shortest path',
  search: 'search',
};

/**
 * One query kind's request bodies (JSON), the same targets for both servers; `peer` is null
 * where the Neo4j GraphQL Library cannot express the question, with the reason.
 */
export type Workload = { kind: QueryKind; hoptac: string[]; peer: string[] | null; peerMissing?: string; targets: number };

/** Longest a neighbourhood may be for its centre to be picked: well under hoptac's node limit. */
const MAX_NEIGHBORHOOD = 400;

/**
 * Picks targets from the loaded graph (up to `count` per kind) and builds the request bodies.
 * Kinds with no target in this graph are left out. Targets are spread evenly over the candidates
 * in key order, so the same corpus gives the same targets whatever order it was loaded in.
 */
export async function buildWorkloads(gateway: Pick<Gateway, 'read'>, count: number): Promise<Workload[]> {
  const rows = (name: string, params: Record<string, unknown> = {}) =>
    gateway.read(async (tx) => (await tx.run(cypher(name), params)).records.map((r) => r.toObject()));
  const officials = spread(await rows('bench/pick-officials'), count);
  const meetings = spread(await rows('bench/pick-meetings'), count);
  // Centres and path ends are looked for among cooperatives spread the same way, 50 candidates per target.
  const candidates = spread(await rows('bench/list-cooperatives'), count * 50).map((r) => r.key);
  const centres = spread(
    await rows('bench/pick-cooperatives', {
      keys: candidates,
      relTypes: ENTITY_RELATION_TYPES,
      minSize: neo4j.int(5),
      maxSize: neo4j.int(MAX_NEIGHBORHOOD),
    }),
    count,
  );
  const pairs = spread(await rows('bench/pick-paths', { keys: candidates }), count);

  const ids = (list: Record<string, unknown>[]) => list.map((r) => ({ id: String(r.key) }));
  const words = officials.map((r) => String(r.nameFolded).split(' ').slice(-2).join(' '));
  const workloads: Workload[] = [
    both('lookup', ids(officials)),
    both('meeting', ids(meetings)),
    both('neighborhood', ids(centres)),
    {
      kind: 'path',
      hoptac: bodies('path', 'hoptac', pairs.map((r) => ({ from: String(r.from), to: String(r.to) }))),
      peer: null,
      peerMissing: 'no shortest-path query in the generated schema',
      targets: pairs.length,
    },
    {
      kind: 'search',
      hoptac: bodies('search', 'hoptac', words.map((text) => ({ text }))),
      peer: bodies('search', 'peer', words.map((text) => ({ text: buildSearchQuery(text) ?? text }))),
      targets: words.length,
    },
  ];
  return workloads.filter((w) => w.targets > 0);
}

/** `count` items spread evenly over the list, first one included (all of it when it is no longer). */
export function spread<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)] as T);
}

function both(kind: QueryKind, variables: Record<string, string>[]): Workload {
  return { kind, hoptac: bodies(kind, 'hoptac', variables), peer: bodies(kind, 'peer', variables), targets: variables.length };
}

function bodies(kind: QueryKind, server: 'hoptac' | 'peer', variables: Record<string, string>[]): string[] {
  // Parsed once with graphql-tag, so a broken document fails here rather than as a thousand errors mid-run.
  const query = print(gql(readFileSync(new URL(`./queries/${kind}.${server}.graphql`, import.meta.url), 'utf8')));
  return variables.map((v) => JSON.stringify({ query, variables: v }));
}
