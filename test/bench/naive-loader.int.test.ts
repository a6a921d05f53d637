import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGraph } from '../../bench/graph-counts.ts';
import { loadRecordNaively } from '../../bench/naive-loader.ts';
import { extractReport } from '../../src/extract/extract.ts';
import type { ExtractionRecord } from '../../src/extract/record/schema.ts';
import type { Database } from '../../src/graph/database.ts';
import { ensureProvinces } from '../../src/graph/ensure-provinces.ts';
import { loadRecord } from '../../src/graph/load.ts';
import { applySchema } from '../../src/graph/migrate.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** The seed reports as the extractor reads them. */
function extractSeeds(): ExtractionRecord[] {
  return readdirSync(SEEDS)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => extractReport({ file, text: readFileSync(join(SEEDS, file), 'utf8') }));
}

describe('naive loader (benchmark baseline)', () => {
  let db: Database;
  const records = extractSeeds();

  beforeAll(async () => {
    db = await openTestDatabase();
    await resetGraph(db.gateway);
    await applySchema(db.gateway, { awaitIndexesSeconds: 60 });
  });
  afterAll(async () => {
    await resetGraph(db.gateway);
    await db.close();
  });

  it('builds the same graph as loadRecord from the seeds: nodes per label, relationships per type and ends, evidence', async () => {
    await ensureProvinces(db.gateway);
    for (const record of records) await loadRecord(db.gateway, record);
    const hoptac = await countGraph(db.gateway);
    const hoptacEvidence = await readEvidence(db);

    await resetGraph(db.gateway);
    await ensureProvinces(db.gateway);
    let transactions = 0;
    for (const record of records) transactions += (await loadRecordNaively(db.gateway, record)).transactions;
    const naive = await countGraph(db.gateway);
    const naiveEvidence = await readEvidence(db);

    expect(records).toHaveLength(5);
    expect(Object.keys(hoptac.relationships)).toEqual(expect.arrayContaining(['ATTENDED Official→Meeting', 'MENTIONS -→Official']));
    expect(naive).toEqual(hoptac);
    // Provenance too, property by property (the API reads a relationship's sentences by `rank`).
    expect(hoptacEvidence.length).toBeGreaterThan(0);
    expect(hoptacEvidence.every((ev) => typeof ev.rank === 'string')).toBe(true);
    expect(naiveEvidence).toEqual(hoptacEvidence);
    // The baseline really is one statement per fact: far more transactions than the five reports.
    expect(transactions).toBeGreaterThan(records.length * 10);
  }, 600_000);

  it('loading the seeds twice naively changes no counts (its MERGEs are idempotent too)', async () => {
    const before = await countGraph(db.gateway);
    for (const record of records) await loadRecordNaively(db.gateway, record);
    expect(await countGraph(db.gateway)).toEqual(before);
  }, 600_000);
});

/** Every `Evidence` node's properties, in (fact, report) order. */
async function readEvidence(db: Database): Promise<Record<string, unknown>[]> {
  return db.gateway.read(async (tx) =>
    (await tx.run('MATCH (ev:Evidence) RETURN properties(ev) AS props ORDER BY ev.fact, ev.report')).records.map((r) => r.get('props')),
  );
}
