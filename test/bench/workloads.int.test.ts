import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkloads } from '../../bench/workloads.ts';
import type { Workload } from '../../bench/workloads.ts';
import type { ExtractionRecord } from '../../src/extract/record/schema.ts';
import type { Database } from '../../src/graph/database.ts';
import { ensureProvinces } from '../../src/graph/ensure-provinces.ts';
import { ingestRecords } from '../../src/graph/ingest-records.ts';
import { applySchema } from '../../src/graph/migrate.ts';
import { generateCorpus } from '../../src/generate/corpus.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';

/** Each kind's request variables, per server. */
function targets(workloads: Workload[]): Record<string, { hoptac: unknown[]; peer: unknown[] | null }> {
  const variables = (bodies: string[]) => bodies.map((body) => (JSON.parse(body) as { variables: unknown }).variables);
  return Object.fromEntries(workloads.map((w) => [w.kind, { hoptac: variables(w.hoptac), peer: w.peer && variables(w.peer) }]));
}

describe('benchmark targets', () => {
  let db: Database;
  const records: ExtractionRecord[] = [...generateCorpus({ reports: 150, seed: 3 })].map((g) => g.expected);

  async function loadInOrder(ordered: ExtractionRecord[]): Promise<void> {
    await resetGraph(db.gateway);
    await ensureProvinces(db.gateway);
    const summary = await ingestRecords(db.gateway, ordered.map((record) => ({ ok: true as const, record })));
    expect(summary.failed).toEqual([]);
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    await applySchema(db.gateway, { awaitIndexesSeconds: 60 });
  });
  afterAll(async () => {
    await resetGraph(db.gateway);
    await db.close();
  });

  it('are the same for a corpus whatever order it was loaded in, spread over the candidates in key order', async () => {
    await loadInOrder(records);
    const forward = targets(await buildWorkloads(db.gateway, 4));
    await loadInOrder([...records].reverse());
    const reversed = targets(await buildWorkloads(db.gateway, 4));

    expect(Object.keys(forward)).toEqual(['lookup', 'meeting', 'neighborhood', 'path', 'search']);
    for (const kind of ['lookup', 'meeting', 'neighborhood', 'path'] as const) expect(forward[kind]?.hoptac).toHaveLength(4);
    expect(reversed).toEqual(forward);
    // Spread, not the first four keys: the ids are in key order and far apart in it.
    const ids = (forward.lookup?.hoptac ?? []).map((v) => (v as { id: string }).id);
    expect(ids).toEqual([...ids].sort());
    const all = await db.gateway.read(async (tx) => (await tx.run('MATCH (o:Official) WHERE EXISTS { (o)-[:HOLDS_POSITION]->() } RETURN o.key AS key ORDER BY key')).records.map((r) => String(r.get('key'))));
    expect(all.length).toBeGreaterThan(8);
    expect(ids[0]).toBe(all[0]);
    expect(ids[1]).toBe(all[Math.floor(all.length / 4)]);
  });
});
