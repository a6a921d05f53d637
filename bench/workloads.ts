import { readFileSync } from 'node:fs';
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
 * Kinds with no target in this graph are left out.
 */
export async function buildWorkloads(gateway: Pick<Gateway, 'read'>, count: number): Promise<Workload[]> {
  const limit = neo4j.int(count);
  const scan = neo4j.int(count * 50);
  const rows = (name: string, params: Record<string, unknown>) =>
    gateway.read(async (tx) => (await tx.run(cypher(name), params)).records.map((r) => r.toObject()));
  const officials = await rows('bench/pick-officials', { limit });
  const meetings = await rows('bench/pick-meetings', { limit });
  const centres = await rows('bench/pick-cooperatives', {
    limit,
    scan,
    relTypes: ENTITY_RELATION_TYPES,
    minSize: neo4j.int(5),
    maxSize: neo4j.int(MAX_NEIGHBORHOOD),
  });
  const pairs = await rows('bench/pick-paths', { limit, scan });

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

function both(kind: QueryKind, variables: Record<string, string>[]): Workload {
  return { kind, hoptac: bodies(kind, 'hoptac', variables), peer: bodies(kind, 'peer', variables), targets: variables.length };
}

function bodies(kind: QueryKind, server: 'hoptac' | 'peer', variables: Record<string, string>[]): string[] {
  const query = readFileSync(new URL(`./queries/${kind}.${server}.graphql`, import.meta.url), 'utf8');
  return variables.map((v) => JSON.stringify({ query, variables: v }));
}
