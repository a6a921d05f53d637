import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/graph/database.ts';
import { loadRecord } from '../../src/graph/load.ts';
import { EVIDENCE_LIMIT } from '../../src/graph/read-relations.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';
import { readGoldRecords } from '../graph/support/gold-records.ts';
import { postGraphql } from './support/http.ts';
import { loadSeedsGraph } from './support/seeds-graph.ts';

/**
 * A relationship stated by more reports than a read returns sentences of: relationship fields
 * and path hops give the sentences of the reports published last (oldest first) and the count of
 * all, by every way of asking.
 */

const COPIES = EVIDENCE_LIMIT + 4;
let db: Database;
let server: { url: string; close(): Promise<void> };
let official: string;
let organisation: string;
let stored: string[];

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db.gateway);
  await loadSeedsGraph(db.gateway);
  // The same reports published again under other addresses, on days out of their load order:
  // each restates every relationship.
  const publishedAt = new Map<string, string | null>();
  for (const record of readGoldRecords()) publishedAt.set(`report:${record.document.url ?? record.document.file}`, record.document.publishedAt ?? null);
  for (let copy = 1; copy <= COPIES; copy++) {
    const day = String(((copy * 5) % 29) + 1).padStart(2, '0');
    for (const record of readGoldRecords()) {
      const file = `copy-${copy}-${record.document.file}`;
      const document = { ...record.document, file, url: undefined, id: `${record.document.id}-copy-${copy}`, publishedAt: `2030-01-${day}` };
      publishedAt.set(`report:${file}`, document.publishedAt);
      await loadRecord(db.gateway, { ...record, document });
    }
  }
  const result = await db.gateway.read((tx) =>
    tx.run(`MATCH (o:Official)-[x:HOLDS_POSITION]->(g)
            WITH o, g, COLLECT { MATCH (ev:Evidence {fact: x.fact}) RETURN ev.report } AS reports
            RETURN o.key AS official, g.key AS organisation, reports
            ORDER BY size(reports) DESC, o.key LIMIT 1`),
  );
  const row = result.records[0];
  if (!row) throw new Error('no position in the seeds graph');
  official = row.get('official');
  organisation = row.get('organisation');
  // Oldest publication first (reports without a day first), then by report key.
  const order = (key: string): string => publishedAt.get(key) ?? '';
  stored = (row.get('reports') as string[]).sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
  server = await startApiServer({ config: loadConfig({ PORT: '0', API_QUERY_TIMEOUT_MS: '60000' }), database: db });
});

afterAll(async () => {
  await server?.close();
  await resetGraph(db.gateway);
  await db?.close();
});

type Provenance = { evidenceCount: number; evidence: { reportId: string }[] };

describe('evidence of a relationship many reports state', () => {
  it('is stored in full', () => {
    expect(stored.length).toBeGreaterThanOrEqual(COPIES + 1);
  });

  it.each(['node(id: $id)', 'nodes(ids: [$id])'])('comes as the sentences published last and the count of all through %s', async (root) => {
    const field = root.split('(')[0]!;
    const response = await postGraphql(
      server.url,
      `query($id: ID!) { ${root} { ... on Official { positions { organisation { id } evidenceCount evidence { reportId } } } } }`,
      { id: official },
    );
    expect(response.errors).toEqual([]);
    const answer = response.data?.[field] as { positions: (Provenance & { organisation: { id: string } })[] } | { positions: never }[];
    const positions = Array.isArray(answer) ? answer[0]!.positions : answer.positions;
    const position = positions.find((p) => p.organisation.id === organisation)!;
    expect(position.evidenceCount).toBe(stored.length);
    expect(position.evidence.map((e) => e.reportId)).toEqual(stored.slice(-EVIDENCE_LIMIT));
  });

  it('comes the same way on a path hop', async () => {
    const response = await postGraphql(
      server.url,
      `query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxLength: 1) { hops { type evidenceCount evidence { reportId } } } }`,
      { from: official, to: organisation },
    );
    expect(response.errors).toEqual([]);
    const [path] = response.data?.path as { hops: (Provenance & { type: string })[] }[];
    const hop = path!.hops.find((h) => h.type === 'HOLDS_POSITION')!;
    expect(hop.evidenceCount).toBe(stored.length);
    expect(hop.evidence.map((e) => e.reportId)).toEqual(stored.slice(-EVIDENCE_LIMIT));
  });
});
