import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInt } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExtractionRecord } from '../../src/extract/record/schema.ts';
import { generateCorpus } from '../../src/generate/corpus.ts';
import type { Database } from '../../src/graph/database.ts';
import { ensureProvinces } from '../../src/graph/ensure-provinces.ts';
import { ingestPaths, ingestRecords, isGraphEmpty } from '../../src/graph/ingest.ts';
import type { RecordResult } from '../../src/graph/read-records.ts';
import { applySchema } from '../../src/graph/migrate.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';
import { readGoldRecords } from './support/gold-records.ts';
import { snapshotGraph } from './support/snapshot.ts';

let db: Database;
const seeds = readGoldRecords();

beforeAll(async () => {
  db = await openTestDatabase();
  await applySchema(db.gateway);
});
afterAll(async () => db?.close());
beforeEach(async () => {
  await resetGraph(db.gateway);
  await ensureProvinces(db.gateway);
});

async function rows(query: string): Promise<Record<string, unknown>[]> {
  const result = await db.gateway.read((tx) => tx.run(query));
  return result.records.map((r) => Object.fromEntries(Object.entries(r.toObject()).map(([k, v]) => [k, isInt(v) ? v.toNumber() : v])));
}

const ok = (record: ExtractionRecord): RecordResult => ({ ok: true, record });

function generated(first: number, reports: number): ExtractionRecord[] {
  return [...generateCorpus({ reports, seed: 11, first })].map((g) => g.expected);
}

const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

describe('ingest', () => {
  it('extracts and loads the seed files; ingesting them again writes nothing and changes nothing', async () => {
    const first = await ingestPaths(db.gateway, [SEEDS_DIR]);
    expect({ ...first, writes: first.writes > 0, seconds: undefined }).toEqual({
      loaded: 5, unchanged: 0, replaced: 0, failed: [], skipped: [], dropped: [], writes: true, seconds: undefined,
    });
    const loaded = await snapshotGraph(db.gateway);
    const second = await ingestPaths(db.gateway, [SEEDS_DIR], { concurrency: 2 });
    expect({ ...second, seconds: undefined }).toEqual({ loaded: 0, unchanged: 5, replaced: 0, failed: [], skipped: [], dropped: [], writes: 0, seconds: undefined });
    expect(await snapshotGraph(db.gateway)).toEqual(loaded);
    expect(await rows(`MATCH (r:Report)-[:MENTIONS]->(:Alliance {key: 'alliance:viet nam'}) RETURN count(r) AS n`)).toEqual([{ n: 3 }]);
  });

  it('counts a graph with only the gazetteer as empty, and one with a report as not', async () => {
    expect(await isGraphEmpty(db.gateway)).toBe(true);
    await ingestRecords(db.gateway, seeds.slice(0, 1).map(ok));
    expect(await isGraphEmpty(db.gateway)).toBe(false);
  });

  it('loads the rest of a batch when one report fails, and leaves nothing of the failing one', async () => {
    const base = seeds[1];
    if (!base) throw new Error('no seed');
    // A garbage extraction: a name far beyond what Neo4j can index. The database rejects the
    // key mid-transaction, after the report node was already written in that transaction.
    const broken: ExtractionRecord = {
      ...base,
      document: { ...base.document, file: 'broken.txt', id: 'broken' },
      entities: [...base.entities, { id: 'huge', type: 'Cooperative', name: 'Hợp tác xã '.repeat(4000), province: 'Hòa Bình', mentions: [] }],
    };
    const unreadable: RecordResult = { ok: false, file: 'feed.jsonl#3', reason: 'not JSON: Unexpected token' };
    const summary = await ingestRecords(db.gateway, [ok(seeds[0]!), ok(broken), unreadable, ...seeds.slice(2).map(ok)], { concurrency: 3 });

    expect({ loaded: summary.loaded, unchanged: summary.unchanged, replaced: summary.replaced }).toEqual({ loaded: 4, unchanged: 0, replaced: 0 });
    expect(summary.failed.map((f) => f.file).sort()).toEqual(['broken.txt', 'feed.jsonl#3']);
    expect(summary.failed.find((f) => f.file === 'broken.txt')?.reason).not.toBe('');
    expect(await rows('MATCH (r:Report) RETURN r.file AS file ORDER BY file')).toEqual(
      [seeds[0], ...seeds.slice(2)].map((r) => ({ file: r?.document.file })),
    );
    const withoutBroken = await snapshotGraph(db.gateway);
    await resetGraph(db.gateway);
    await ensureProvinces(db.gateway);
    await ingestRecords(db.gateway, [seeds[0]!, ...seeds.slice(2)].map(ok));
    expect(withoutBroken).toEqual(await snapshotGraph(db.gateway));
  });

  it('loads groups whose reports are new, unchanged and corrected alike, one group per transaction', async () => {
    const corpus = generated(1, 120);
    const first = await ingestRecords(db.gateway, corpus.slice(0, 60).map(ok), { groupSize: 50 });
    expect({ loaded: first.loaded, unchanged: first.unchanged, replaced: first.replaced, failed: first.failed }).toEqual({
      loaded: 60, unchanged: 0, replaced: 0, failed: [],
    });
    const corrected = corpus.slice(0, 10).map((r) => ({ ...r, document: { ...r.document, id: `${r.document.id}-corrected` } }));
    const mixed = [...corrected, ...corpus.slice(10, 120)].map(ok);
    const second = await ingestRecords(db.gateway, mixed, { groupSize: 50 });
    expect({ loaded: second.loaded, unchanged: second.unchanged, replaced: second.replaced, failed: second.failed }).toEqual({
      loaded: 60, unchanged: 50, replaced: 10, failed: [],
    });
    const oneByOne = await snapshotGraph(db.gateway);
    await resetGraph(db.gateway);
    await ensureProvinces(db.gateway);
    await ingestRecords(db.gateway, [...corrected, ...corpus.slice(10, 120)].map(ok), { groupSize: 1 });
    expect(await snapshotGraph(db.gateway)).toEqual(oneByOne);
  });

  it('keeps the later version when one ingest holds two versions of a report', async () => {
    const corpus = generated(1, 12);
    const original = corpus[0]!;
    const corrected = { ...original, document: { ...original.document, id: `${original.document.id}-corrected` } };
    const summary = await ingestRecords(db.gateway, [original, ...corpus.slice(1), corrected].map(ok), { groupSize: 1, concurrency: 6 });
    expect({ loaded: summary.loaded, replaced: summary.replaced }).toEqual({ loaded: 12, replaced: 1 });
    expect(await rows(`MATCH (r:Report {file: '${original.document.file}'}) RETURN r.contentHash AS hash`)).toEqual([{ hash: corrected.document.id }]);
  });

  it('reads record files, reporting bad lines with their reason and loading the good ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-graph-records-'));
    try {
      const lines = [JSON.stringify(seeds[0]), '{ not json', JSON.stringify({ document: {} }), JSON.stringify(seeds[2])];
      writeFileSync(join(dir, 'records.jsonl'), `${lines.join('\n')}\n`);
      const progress: number[] = [];
      const summary = await ingestPaths(db.gateway, [dir], { records: true, onProgress: (p) => progress.push(p.done) });
      expect(summary.loaded).toBe(2);
      expect(summary.failed.map((f) => f.file)).toEqual(['records.jsonl#2', 'records.jsonl#3']);
      expect(summary.failed[0]?.reason).toMatch(/^not JSON/);
      expect(summary.failed[1]?.reason).toMatch(/^not an extraction record/);
      expect(progress.sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates no duplicate when two ingests of overlapping corpora run at once', async () => {
    const corpus = generated(0, 90);
    const [a, b] = await Promise.all([
      ingestRecords(db.gateway, corpus.slice(0, 60).map(ok), { concurrency: 4 }),
      ingestRecords(db.gateway, corpus.slice(30).map(ok), { concurrency: 4 }),
    ]);
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    expect(a.loaded + a.unchanged + b.loaded + b.unchanged).toBe(120);
    expect(a.loaded + b.loaded).toBe(90);

    expect(await rows('MATCH (n:Entity) WITH n.key AS key, count(*) AS n WHERE n > 1 RETURN key')).toEqual([]);
    expect(
      await rows(
        `MATCH (a)-[r]->(b) WITH a, b, type(r) AS type, r.role AS role, r.titleKey AS title, count(*) AS n
         WHERE n > 1 RETURN a.key AS a, type, b.key AS b`,
      ),
    ).toEqual([]);
    const concurrent = await snapshotGraph(db.gateway);
    await resetGraph(db.gateway);
    await ensureProvinces(db.gateway);
    await ingestRecords(db.gateway, corpus.map(ok), { concurrency: 1 });
    expect(concurrent).toEqual(await snapshotGraph(db.gateway));
  });

  it('resolves recurring officials and national bodies of a generated corpus to one node each', async () => {
    const corpus = generated(100, 150);
    await ingestRecords(db.gateway, corpus.map(ok), { concurrency: 4 });
    const expectedOfficials = new Set<string>();
    for (const record of corpus) {
      for (const e of record.entities) if (e.type === 'Official') expectedOfficials.add(e.name);
    }
    const recurring = await rows(
      `MATCH (o:Official)<-[:MENTIONS]-(r:Report) WITH o, count(r) AS reports WHERE reports > 1 RETURN count(o) AS n`,
    );
    expect(recurring[0]?.n).toBeGreaterThan(0);
    const [vca] = await rows(`MATCH (:Alliance {key: 'alliance:viet nam'})<-[:MENTIONS]-(r) RETURN count(r) AS n`);
    const mentioning = corpus.filter((r) => r.entities.some((e) => e.name === 'Liên minh Hợp tác xã Việt Nam')).length;
    expect(vca?.n).toBe(mentioning);
    const [reports] = await rows('MATCH (r:Report) RETURN count(r) AS n');
    expect(reports?.n).toBe(150);
  });
});
