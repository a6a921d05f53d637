import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isInt } from 'neo4j-driver';
import type { ExtractionRecord } from '../../src/extract/record/schema.ts';
import type { Database } from '../../src/graph/database.ts';
import { ensureProvinces } from '../../src/graph/ensure-provinces.ts';
import { deleteReport, loadRecord, loadRecordGroup } from '../../src/graph/load.ts';
import { applySchema } from '../../src/graph/migrate.ts';
import { toPlain } from '../../src/graph/read-rows.ts';
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

async function loadAll(records: ExtractionRecord[]): Promise<string[]> {
  const statuses: string[] = [];
  for (const record of records) statuses.push((await loadRecord(db.gateway, record)).status);
  return statuses;
}

async function rows(query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const result = await db.gateway.read((tx) => tx.run(query, params));
  return result.records.map((r) => Object.fromEntries(Object.entries(r.toObject()).map(([k, v]) => [k, isInt(v) ? v.toNumber() : v])));
}

/** The seed record of one file, edited: what a corrected report re-extracted would give. */
function corrected(file: string, edit: (record: ExtractionRecord) => ExtractionRecord): ExtractionRecord {
  const record = seeds.find((r) => r.document.file === file);
  if (!record) throw new Error(`no seed ${file}`);
  const edited = edit(structuredClone(record));
  return { ...edited, document: { ...edited.document, id: `${record.document.id}-corrected` } };
}

describe('loading the seeds', () => {
  it('loads them twice with identical nodes and relationships, the second time writing nothing', async () => {
    expect(await loadAll(seeds)).toEqual(['loaded', 'loaded', 'loaded', 'loaded', 'loaded']);
    const first = await snapshotGraph(db.gateway);
    const again = await Promise.all(seeds.map((r) => loadRecord(db.gateway, r)));
    expect(again.map((o) => [o.status, o.writes])).toEqual(seeds.map(() => ['unchanged', 0]));
    const second = await snapshotGraph(db.gateway);
    expect(second.nodes.length).toBe(first.nodes.length);
    expect(second.relationships.length).toBe(first.relationships.length);
    expect(second).toEqual(first);
  });

  it('makes Liên minh Hợp tác xã Việt Nam one node linked to the three reports that name it', async () => {
    await loadAll(seeds);
    const alliances = await rows(
      `MATCH (a:Alliance) WHERE a.nameFolded = 'lien minh hop tac xa viet nam'
       OPTIONAL MATCH (r:Report)-[:MENTIONS]->(a)
       RETURN a.key AS key, a.province AS province, collect(r.file) AS files`,
    );
    expect(alliances.map((a) => ({ ...a, files: [...(a.files as string[])].sort() }))).toEqual([
      {
        key: 'alliance:viet nam',
        province: null,
        files: ['000_2724eaa73db04998.txt', '001_80b28b98b36d21f4.txt', '002_c08da16336d35aa1.txt'],
      },
    ]);
  });

  it('keeps the null-province entities of the report without a province apart from everyone else', async () => {
    await loadAll(seeds);
    const committees = await rows(
      `MATCH (a:Agency {shortName: 'Ủy ban nhân dân tỉnh'})<-[:MENTIONS]-(r:Report)
       RETURN a.key AS key, a.province AS province, collect(r.file) AS files ORDER BY key`,
    );
    expect(committees).toEqual([
      { key: 'agency:uy ban nhan dan@?:report:004_c668f0b4983684b6.txt', province: null, files: ['004_c668f0b4983684b6.txt'] },
      { key: 'agency:uy ban nhan dan@an giang', province: 'An Giang', files: ['003_7a19d338a6d384ca.txt'] },
      { key: 'agency:uy ban nhan dan@hoa binh', province: 'Hòa Bình', files: ['001_80b28b98b36d21f4.txt'] },
      { key: 'agency:uy ban nhan dan@phu tho', province: 'Phú Thọ', files: ['000_2724eaa73db04998.txt'] },
    ]);
  });

  it('keeps every relationship’s reports and evidence, and places entities in their province', async () => {
    await loadAll(seeds);
    const held = await rows(
      `MATCH (o:Official {name: 'Đinh Công Sứ'})-[h:HOLDS_POSITION]->(body)-[:LOCATED_IN]->(p:Province)
       RETURN o.key AS official, h.title AS title, body.key AS body, p.name AS province,
              COLLECT { MATCH (ev:Evidence {fact: h.fact}) RETURN ev {.report, .start, .end, .text} } AS evidence`,
    );
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({
      official: 'official:dinh cong su@hoa binh',
      title: 'Phó Chủ tịch',
      body: 'agency:uy ban nhan dan@hoa binh',
      province: 'Hòa Bình',
    });
    const evidence = toPlain(held[0]?.evidence) as { report: string; start: number; end: number; text: string }[];
    expect(evidence).toHaveLength(1);
    expect(evidence[0]?.report).toBe('report:001_80b28b98b36d21f4.txt');
    expect(evidence[0]?.text).toContain('Đinh Công Sứ');
    const text = seeds.find((r) => r.document.file === '001_80b28b98b36d21f4.txt')!.document.text;
    expect(text.slice(evidence[0]!.start, evidence[0]!.end)).toBe(evidence[0]!.text);
  });

  it('keeps one evidence record per relationship and report, and every relationship has one', async () => {
    await loadAll(seeds);
    const [row] = await rows(
      `MATCH (ev:Evidence) WITH ev.fact AS fact, ev.report AS report, count(*) AS copies
       WITH max(copies) AS maxCopies, count(*) AS pairs
       RETURN maxCopies, pairs,
              COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE r.fact IS NOT NULL
                      AND NOT EXISTS { MATCH (ev:Evidence {fact: r.fact}) } } AS unsupported,
              COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE type(r) <> 'LOCATED_IN' AND type(r) <> 'MERGED_INTO' AND r.fact IS NULL } AS withoutFact`,
    );
    expect(row).toMatchObject({ maxCopies: 1, unsupported: 0, withoutFact: 0 });
    expect(row?.pairs).toBeGreaterThan(20);
  });
});

describe('province resolution', () => {
  it('resolves Hoà Bình, Hòa Bình and tỉnh Hoà Bình to the one gazetteer province', async () => {
    const base = seeds.find((r) => r.province === 'Hòa Bình');
    if (!base) throw new Error('no Hòa Bình seed');
    const spelled = (file: string, spelling: string): ExtractionRecord => ({
      ...base,
      document: { ...base.document, file, id: `hash-${file}` },
      province: spelling,
      entities: base.entities.map((e) => (e.type === 'Province' ? { ...e, name: spelling } : e.province ? { ...e, province: spelling } : e)),
      statistics: base.statistics.map((s) => ({ ...s, province: spelling })),
    });
    await loadAll([spelled('a.txt', 'Hoà Bình'), spelled('b.txt', 'Hòa Bình'), spelled('c.txt', 'tỉnh Hoà Bình')]);
    const provinces = await rows(
      `MATCH (p:Province) WHERE p.nameFolded = 'hoa binh' OPTIONAL MATCH (r:Report)-[:ABOUT]->(p)
       RETURN p.key AS key, p.name AS name, count(r) AS reports`,
    );
    expect(provinces).toEqual([{ key: 'province:hoa binh', name: 'Hòa Bình', reports: 3 }]);
    expect(await rows('MATCH (p:Province) RETURN count(p) AS n')).toEqual([{ n: 63 }]);
    expect(await rows(`MATCH (a:Alliance {key: 'alliance:hoa binh'})<-[:MENTIONS]-(r) RETURN count(r) AS n`)).toEqual([{ n: 3 }]);
  });

  it('links each merged-away province to the province it joined in 2025', async () => {
    const merged = await rows(
      `MATCH (old:Province)-[m:MERGED_INTO]->(new:Province {name: 'Phú Thọ'}) RETURN old.name AS old, m.date AS date ORDER BY old`,
    );
    expect(merged).toEqual([
      { old: 'Hòa Bình', date: '2025-07-01' },
      { old: 'Vĩnh Phúc', date: '2025-07-01' },
    ]);
  });
});

describe('replacing and deleting a report', () => {
  const file = '001_80b28b98b36d21f4.txt';
  const others = seeds.filter((r) => r.document.file !== file);
  const edited = corrected(file, (record) => ({
    ...record,
    entities: [
      ...record.entities.filter((e) => e.name !== 'Lê Tuấn An'),
      { id: 'new', type: 'Official', name: 'Nguyễn Văn Mới', mentions: [] },
    ],
    relations: [
      ...record.relations.filter((r) => r.source !== 'an'),
      { type: 'ATTENDED', source: 'new', target: 'm', attributes: { role: 'spoke' }, evidence: { start: 0, end: 0, text: '' } },
    ],
    statistics: record.statistics.slice(0, 2),
  }));

  it('replaces a corrected report’s facts: the graph equals one loaded with the corrected version only', async () => {
    await loadAll(seeds);
    expect((await loadRecord(db.gateway, edited)).status).toBe('replaced');
    const replaced = await snapshotGraph(db.gateway);

    await resetGraph(db.gateway);
    await ensureProvinces(db.gateway);
    await loadAll([...others, edited]);
    expect(replaced).toEqual(await snapshotGraph(db.gateway));

    const gone = await rows(`MATCH (o:Official {name: 'Lê Tuấn An'}) RETURN o.key AS key`);
    expect(gone).toEqual([]);
    const vca = await rows(
      `MATCH (r:Report)-[:MENTIONS]->(:Alliance {key: 'alliance:viet nam'}) RETURN r.file AS file ORDER BY file`,
    );
    expect(vca.map((r) => r.file)).toEqual(['000_2724eaa73db04998.txt', '001_80b28b98b36d21f4.txt', '002_c08da16336d35aa1.txt']);
  });

  it('replaces several corrected reports in one group: the graph equals one loaded with the corrected versions only', async () => {
    // Both corrections drop every fact, so what only these two reports stated must go, whichever
    // of them mentioned it, and what a third report states must stay.
    const emptied = ['000_2724eaa73db04998.txt', '001_80b28b98b36d21f4.txt'].map((f) =>
      corrected(f, (record) => ({ ...record, entities: [], relations: [], statistics: [] })),
    );
    const rest = seeds.filter((r) => !emptied.some((e) => e.document.file === r.document.file));
    await loadAll(seeds);
    const outcome = await loadRecordGroup(db.gateway, emptied);
    expect(outcome.reports.map((r) => r.status)).toEqual(['replaced', 'replaced']);
    const replaced = await snapshotGraph(db.gateway);

    await resetGraph(db.gateway);
    await ensureProvinces(db.gateway);
    await loadAll([...rest, ...emptied]);
    expect(replaced).toEqual(await snapshotGraph(db.gateway));
    expect(await rows(`MATCH (:Report)-[:MENTIONS]->(a:Alliance {key: 'alliance:viet nam'}) RETURN count(*) AS n`)).toEqual([{ n: 1 }]);
  });

  it('deletes a report: the graph equals one where it was never loaded', async () => {
    await loadAll(seeds);
    expect(await deleteReport(db.gateway, `report:${file}`)).toBe(true);
    expect(await deleteReport(db.gateway, `report:${file}`)).toBe(false);
    const deleted = await snapshotGraph(db.gateway);
    await resetGraph(db.gateway);
    await ensureProvinces(db.gateway);
    await loadAll(others);
    expect(deleted).toEqual(await snapshotGraph(db.gateway));
  });
});
