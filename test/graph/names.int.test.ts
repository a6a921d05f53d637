import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNodesCsv } from '../../src/export/csv.ts';
import { tabulateNetwork } from '../../src/export/network-table.ts';
import awards from '../../src/extract/data/awards.json' with { type: 'json' };
import type { Database } from '../../src/graph/database.ts';
import { ensureProvinces } from '../../src/graph/ensure-provinces.ts';
import { ingestPaths } from '../../src/graph/ingest.ts';
import { applySchema } from '../../src/graph/migrate.ts';
import { searchEntities } from '../../src/graph/read-search.ts';
import { fetchSubgraph } from '../../src/graph/subgraph.ts';
import { computeMetrics } from '../../src/metrics/compute-metrics.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';

/** What users read on the graph of the seeds and the in-house reports, extracted as `ingest` does. */

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));

let db: Database;

async function rows<T>(query: string): Promise<T[]> {
  const result = await db.gateway.read((tx) => tx.run(query));
  return result.records.map((r) => r.toObject() as T);
}

beforeAll(async () => {
  db = await openTestDatabase();
  await applySchema(db.gateway);
  await resetGraph(db.gateway);
  await ensureProvinces(db.gateway);
  const summary = await ingestPaths(db.gateway, [SEEDS, FIXTURES]);
  expect(summary.failed).toEqual([]);
  await db.gateway.read((tx) => tx.run('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()'));
});
afterAll(async () => {
  await resetGraph(db.gateway);
  await db?.close();
});

describe('names on the seeds and fixtures graph', () => {
  it('gives no two distinct entities the same name, though the reports call many bodies alike', async () => {
    const shared = await rows<{ name: string; keys: string[] }>(
      'MATCH (n:Entity) WITH n.name AS name, collect(n.key) AS keys WHERE size(keys) > 1 RETURN name, keys',
    );
    expect(shared).toEqual([]);
    const alike = await rows<{ shortName: string; names: string[] }>(
      `MATCH (n:Agency) WITH n.shortName AS shortName, collect(n.name) AS names WHERE size(names) > 1
       RETURN shortName, names ORDER BY size(names) DESC LIMIT 1`,
    );
    // the people's committees of several provinces: one short form, full names apart
    expect(alike[0]?.names.length).toBeGreaterThan(2);
    expect(alike[0]?.names.every((name) => name.startsWith(`${alike[0]?.shortName} `))).toBe(true);
  });

  it('names provincial bodies in full in search hits, and finds them by the short form too', async () => {
    const hits = await searchEntities(db.gateway, 'Ủy ban nhân dân tỉnh', ['Agency'], 20);
    const names = hits.map((hit) => hit.node.name);
    expect(names.length).toBeGreaterThan(2);
    // each says which province, or which report when the report never said
    for (const name of names) expect(name).toMatch(/^Ủy ban nhân dân (?:tỉnh|thành phố) (?:\p{Lu}|\(theo bài «)/u);
    const [hit] = await searchEntities(db.gateway, 'Ủy ban nhân dân tỉnh Đắk Lắk', ['Agency'], 1);
    expect(hit?.node).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Đắk Lắk', shortName: 'Ủy ban nhân dân tỉnh', province: 'Đắk Lắk' });
  });

  it('writes full names into exports', async () => {
    const subgraph = await fetchSubgraph(db.gateway, { all: true });
    const csv = writeNodesCsv(tabulateNetwork(subgraph, computeMetrics(subgraph)));
    expect(csv).toContain('Ủy ban nhân dân tỉnh Đắk Lắk');
    expect(csv).toContain('Sở Kế hoạch và Đầu tư tỉnh');
    expect(csv).not.toMatch(/,"?Ủy ban nhân dân tỉnh"?,/u);
  });

  it('spells every award kind one way, the lexicon’s', async () => {
    const kinds = await rows<{ kind: string }>('MATCH (a:Award) RETURN DISTINCT a.kind AS kind');
    const canonical = new Set(awards.kinds.map((k) => k.kind));
    expect(kinds.length).toBeGreaterThan(1);
    for (const { kind } of kinds) expect(canonical).toContain(kind);
  });

  it('gives a graph loaded before full names them, keeping the name it had as the short form', async () => {
    const before = await rows<{ key: string; name: string; shortName: string }>(
      'MATCH (n:Entity) RETURN n.key AS key, n.name AS name, n.shortName AS shortName ORDER BY key',
    );
    // what an earlier version stored: the short form as the name, no shortName
    await db.gateway.write((tx) =>
      tx.run('MATCH (n:Entity) SET n.name = n.shortName, n.nameFolded = null REMOVE n.shortName'),
    );
    const result = await applySchema(db.gateway, { backfillBatch: 25 });
    expect(result.backfilled['names/full-names']).toBe(before.length);
    const after = await rows<{ key: string; name: string; shortName: string }>(
      'MATCH (n:Entity) RETURN n.key AS key, n.name AS name, n.shortName AS shortName ORDER BY key',
    );
    expect(after).toEqual(before);
    expect((await applySchema(db.gateway)).backfilled['names/full-names']).toBe(0);
  });
});
