import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/graph/database.ts';
import { ensureProvinces } from '../../src/graph/ensure-provinces.ts';
import { loadRecord } from '../../src/graph/load.ts';
import { applySchema } from '../../src/graph/migrate.ts';
import { ENTITY_RELATION_TYPES, PROVINCE_RELATION_TYPES, fetchSubgraph } from '../../src/graph/subgraph.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';
import { readGoldRecords } from './support/gold-records.ts';

/**
 * The neighbourhood query (one Cypher statement) against a breadth-first walk done here, in
 * JavaScript, over every relationship of the seeds graph.
 */

type Link = { source: string; target: string; type: string };

let db: Database;
let links: Link[];
let types: Map<string, string>;

beforeAll(async () => {
  db = await openTestDatabase();
  await applySchema(db.gateway);
  await resetGraph(db.gateway);
  await ensureProvinces(db.gateway);
  for (const record of readGoldRecords()) await loadRecord(db.gateway, record);
  const result = await db.gateway.read((tx) =>
    tx.run('MATCH (a:Entity)-[r]->(b:Entity) RETURN a.key AS source, b.key AS target, type(r) AS type, a.type AS st, b.type AS tt'),
  );
  links = result.records.map((r) => ({ source: r.get('source'), target: r.get('target'), type: r.get('type') }));
  types = new Map(result.records.flatMap((r) => [[r.get('source'), r.get('st')] as const, [r.get('target'), r.get('tt')] as const]));
});
afterAll(async () => db?.close());

/** The levels of a breadth-first walk: level 0 is the centre. */
function levels(centre: string, depth: number, relTypes: string[], only?: string[]): string[][] {
  const seen = new Set([centre]);
  const result = [[centre]];
  for (let level = 1; level <= depth; level++) {
    const next = new Set<string>();
    for (const from of result[level - 1]!) {
      for (const link of links) {
        if (!relTypes.includes(link.type)) continue;
        const other = link.source === from ? link.target : link.target === from ? link.source : null;
        if (other === null || seen.has(other) || (only && !only.includes(types.get(other)!))) continue;
        next.add(other);
      }
    }
    for (const key of next) seen.add(key);
    result.push([...next]);
  }
  return result;
}

function edgesAmong(keys: Set<string>, relTypes: string[]): string[] {
  return links
    .filter((l) => relTypes.includes(l.type) && keys.has(l.source) && keys.has(l.target))
    .map((l) => `${l.source} ${l.type} ${l.target}`)
    .sort();
}

describe('neighbourhood', () => {
  // hubDegree: the default; 0, every node a hub (edges only from checking pairs); 3, a mix.
  it.each([
    ['alliance:hoa binh', 1, undefined],
    ['alliance:hoa binh', 2, undefined],
    ['alliance:hoa binh', 3, undefined],
    ['alliance:hoa binh', 2, 0],
    ['alliance:hoa binh', 3, 3],
  ])('around %s at depth %i (hub degree %s) holds the nodes of a breadth-first walk and every edge among them', async (centre, depth, hubDegree) => {
    const subgraph = await fetchSubgraph(db.gateway, { around: centre, depth, ...(hubDegree === undefined ? {} : { hubDegree }) });
    const expected = new Set(levels(centre, depth, ENTITY_RELATION_TYPES).flat());
    expect(expected.size).toBeGreaterThan(depth);
    expect(subgraph.nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
    expect(subgraph.edges.map((e) => `${e.source} ${e.type} ${e.target}`).sort()).toEqual(edgesAmong(expected, ENTITY_RELATION_TYPES));
    expect(subgraph.edges.every((e) => e.evidence.length > 0)).toBe(true);
  });

  it('leaves the evidence out when not asked for, and nothing else', async () => {
    const full = await fetchSubgraph(db.gateway, { around: 'alliance:hoa binh', depth: 2 });
    const bare = await fetchSubgraph(db.gateway, { around: 'alliance:hoa binh', depth: 2, evidence: false });
    expect(bare.edges.every((e) => e.evidence.length === 0)).toBe(true);
    expect(bare).toEqual({ nodes: full.nodes, edges: full.edges.map((e) => ({ ...e, evidence: [] })) });
  });

  it('keeps only neighbours of the types asked for, and the centre', async () => {
    const subgraph = await fetchSubgraph(db.gateway, { around: 'alliance:hoa binh', depth: 2, types: ['Official'] });
    const expected = new Set(levels('alliance:hoa binh', 2, ENTITY_RELATION_TYPES, ['Official']).flat());
    expect(subgraph.nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
    expect(subgraph.nodes.filter((n) => n.id !== 'alliance:hoa binh').every((n) => n.type === 'Official')).toBe(true);
  });

  it('fills its node limit with nearer levels first', async () => {
    const walk = levels('alliance:hoa binh', 2, ENTITY_RELATION_TYPES);
    const limit = 1 + walk[1]!.length + 2; // the centre, level 1, two of level 2
    expect(walk[2]!.length).toBeGreaterThan(2);
    const subgraph = await fetchSubgraph(db.gateway, { around: 'alliance:hoa binh', depth: 2, limit });
    const ids = new Set(subgraph.nodes.map((n) => n.id));
    expect(ids.size).toBe(limit);
    expect(walk[1]!.every((key) => ids.has(key))).toBe(true);
    expect(walk[2]!.filter((key) => ids.has(key))).toHaveLength(2);
    expect(subgraph.edges.map((e) => `${e.source} ${e.type} ${e.target}`).sort()).toEqual(edgesAmong(ids, ENTITY_RELATION_TYPES));
  });

  it.each([undefined, 2, 0])('walks the province map around a province (hub degree %s)', async (hubDegree) => {
    const relTypes = [...ENTITY_RELATION_TYPES, ...PROVINCE_RELATION_TYPES];
    const subgraph = await fetchSubgraph(db.gateway, { around: 'province:hoa binh', depth: 1, ...(hubDegree === undefined ? {} : { hubDegree }) });
    const expected = new Set(levels('province:hoa binh', 1, relTypes).flat());
    expect(expected.has('province:phu tho')).toBe(true);
    expect(subgraph.nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
    expect(subgraph.edges.map((e) => `${e.source} ${e.type} ${e.target}`).sort()).toEqual(edgesAmong(expected, relTypes));
  });

  it('gives its nodes and edges the fields the read of the whole graph gives them', async () => {
    const everything = await fetchSubgraph(db.gateway, { all: true });
    const nodes = new Map(everything.nodes.map((n) => [n.id, n]));
    const edges = new Map(everything.edges.map((e) => [e.id, e]));
    const subgraph = await fetchSubgraph(db.gateway, { around: 'alliance:hoa binh', depth: 2 });
    expect(subgraph.nodes.map((n) => nodes.get(n.id))).toEqual(subgraph.nodes);
    expect(subgraph.edges.map((e) => edges.get(e.id))).toEqual(subgraph.edges);
    // Dates, provinces, roles and titles are among them, so the comparison covers those fields.
    expect(subgraph.nodes.filter((n) => n.date !== null).length).toBeGreaterThan(0);
    expect(subgraph.nodes.filter((n) => n.province !== null).length).toBeGreaterThan(0);
    expect(subgraph.edges.filter((e) => typeof e.attributes.role === 'string').length).toBeGreaterThan(0);
    expect(subgraph.edges.filter((e) => typeof e.attributes.title === 'string').length).toBeGreaterThan(0);
  });

  it('is empty around an unknown id', async () => {
    expect(await fetchSubgraph(db.gateway, { around: 'alliance:nowhere', depth: 2 })).toEqual({ nodes: [], edges: [] });
  });
});
