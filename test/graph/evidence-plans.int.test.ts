import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/graph/database.ts';
import { cypher } from '../../src/graph/cypher.ts';
import { applySchema } from '../../src/graph/migrate.ts';
import { loadSeedsGraph } from '../api/support/seeds-graph.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';

/**
 * Statements that read `Evidence` nodes find them by index seek, never by scanning all of them
 * (checked on the plan where it shows the lookup, and by the cost of a relationship read where the
 * lookup is a nested expression): a graph holds one per (relationship, report), millions at 100k reports, and a scan per
 * relationship read turned a 7 ms meeting query into 59 ms on 500 reports.
 */

/** Statements whose plan shows how evidence is found (elsewhere it is read in nested expressions, checked below by their cost). */
const READERS = [
  'api/subgraph-edges',
  'api/subgraph-all-edges',
  'api/cooperation-network',
  'ingest/retract-relationships',
];

type PlanNode = { operatorType: string; arguments?: { Details?: string }; children?: PlanNode[] };
type ProfileNode = { dbHits: number; children: ProfileNode[] };

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db.gateway);
  await applySchema(db.gateway);
  await loadSeedsGraph(db.gateway);
});

afterAll(async () => {
  await resetGraph(db.gateway);
  await db?.close();
});

function operators(plan: PlanNode): { type: string; details: string }[] {
  return [{ type: plan.operatorType.replace(/@.*$/, ''), details: plan.arguments?.Details ?? '' }, ...(plan.children ?? []).flatMap(operators)];
}

function dbHits(profile: ProfileNode): number {
  return profile.dbHits + profile.children.reduce((sum, child) => sum + dbHits(child), 0);
}

describe('evidence reads', () => {
  it('of relationship fields cost the same however many other relationships have evidence', async () => {
    const [official] = (await db.gateway.read((tx) => tx.run('MATCH (o:Official)-[:HOLDS_POSITION]->() RETURN o.key AS key LIMIT 1'))).records;
    const request = { id: 0, key: official?.get('key'), type: 'HOLDS_POSITION', direction: 'out', types: null, from: null, to: null, order: 'name', limit: 10, evidence: true };
    const cost = async (): Promise<number> => {
      const result = await db.gateway.read((tx) => tx.run(`PROFILE ${cypher('api/relations')}`, { batch: { requests: [request] }, evidenceLimit: neo4j.int(20) }));
      expect(result.records[0]?.get('rows')[0]?.props.evidence.length).toBeGreaterThan(0);
      return dbHits(result.summary.profile as unknown as ProfileNode);
    };
    const before = await cost();
    await db.gateway.write((tx) => tx.run("UNWIND range(1, 3000) AS i CREATE (:Evidence {fact: 'unrelated|' + i, report: 'report:unrelated'})"));
    try {
      expect(await cost()).toBeLessThan(before + 100);
    } finally {
      await db.gateway.write((tx) => tx.run("MATCH (ev:Evidence {report: 'report:unrelated'}) DELETE ev"));
    }
  });

  it('of the latest sentences of a relationship cost the same however many reports state it', async () => {
    const [position] = (await db.gateway.read((tx) => tx.run('MATCH ()-[x:HOLDS_POSITION]->() RETURN x.fact AS fact LIMIT 1'))).records;
    const fact = position?.get('fact') as string;
    const latest = async (): Promise<{ hits: number; reports: string[] }> => {
      const result = await db.gateway.read((tx) =>
        tx.run(`PROFILE MATCH ()-[r:HOLDS_POSITION {fact: $fact}]->() RETURN ${cypher('fragments/evidence-recent')} AS evidence`, { fact, evidenceLimit: neo4j.int(3) }),
      );
      const evidence = result.records[0]?.get('evidence') as { report: string }[];
      return { hits: dbHits(result.summary.profile as unknown as ProfileNode), reports: evidence.map((ev) => ev.report) };
    };
    const before = await latest();
    // 3,000 more reports state it, published in 2031, the last of them on the 28th (report keys by day).
    await db.gateway.write((tx) =>
      tx.run(
        `UNWIND range(1, 3000) AS i
         WITH i, '2031-02-' + right('0' + (i % 28 + 1), 2) AS day, 'report:restated-' + right('000' + i, 4) AS report
         CREATE (ev:Evidence {fact: $fact, report: report, publishedAt: day, start: 0, end: 1, text: 'restated'})
         SET ev.rank = ${cypher('fragments/evidence-rank')}`,
        { fact },
      ),
    );
    try {
      const after = await latest();
      expect(after.reports).toEqual(['report:restated-2939', 'report:restated-2967', 'report:restated-2995']);
      expect(after.hits).toBeLessThan(before.hits + 50);
    } finally {
      await db.gateway.write((tx) => tx.run("MATCH (ev:Evidence) WHERE ev.report STARTS WITH 'report:restated-' DELETE ev"));
    }
  });

  it.each(READERS)('%s seeks Evidence by index', async (name) => {
    const statement = cypher(name).replaceAll('__MAX__', '3');
    const result = await db.gateway.write((tx) => tx.run(`EXPLAIN ${statement}`));
    // The operators that find nodes (scans and seeks) and name the label.
    const finding = operators(result.summary.plan as unknown as PlanNode).filter((op) => /Scan|Seek/.test(op.type) && /:Evidence\b/.test(op.details));
    expect(finding.length).toBeGreaterThan(0);
    expect(finding.filter((op) => !op.type.endsWith('IndexSeek'))).toEqual([]);
  });
});
