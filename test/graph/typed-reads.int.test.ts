import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/graph/cypher.ts';
import type { Database } from '../../src/graph/database.ts';
import { loadSeedsGraph } from '../api/support/seeds-graph.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';

/**
 * A relationship field reads only the relationships of its type: an official who attended
 * thousands of meetings costs no more to ask for its positions than one who attended one. And the
 * batched reads keep one plan for batches of any size: Neo4j plans again for each new size class
 * of a list parameter, seconds for these statements.
 */

type ProfileNode = { dbHits: number; children: ProfileNode[] };
const dbHits = (p: ProfileNode): number => p.dbHits + p.children.reduce((sum, c) => sum + dbHits(c), 0);

let db: Database;
let official = '';

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db.gateway);
  await loadSeedsGraph(db.gateway);
  const [row] = (await db.gateway.read((tx) => tx.run('MATCH (o:Official)-[:HOLDS_POSITION]->() RETURN o.key AS key LIMIT 1'))).records;
  official = String(row?.get('key'));
});

afterAll(async () => {
  await resetGraph(db.gateway);
  await db?.close();
});

const positions = { type: 'HOLDS_POSITION', direction: 'out', types: null, from: null, to: null, order: 'name', limit: neo4j.int(10), evidence: true };

/** Batches of `size` for each statement the shared reads run. */
const BATCHES: Record<string, (size: number) => Record<string, unknown>> = {
  'api/nodes-by-key': (size) => ({ batch: { keys: Array.from({ length: size }, (_, i) => `official:nobody ${i}`) } }),
  'api/report-texts': (size) => ({ batch: { keys: Array.from({ length: size }, (_, i) => `report:nothing ${i}`) } }),
  'api/relations': (size) => ({
    batch: { requests: Array.from({ length: size }, (_, i) => ({ ...positions, id: neo4j.int(i), key: official })) },
    evidenceLimit: neo4j.int(20),
  }),
  'api/node-with-relations': (size) => ({
    batch: {
      items: Array.from({ length: size }, (_, i) => ({
        id: neo4j.int(i),
        key: official,
        requests: [{ ...positions, id: neo4j.int(0), onType: 'Official', children: [] }],
      })),
    },
    evidenceLimit: neo4j.int(20),
  }),
};

describe('relationship reads', () => {
  it.each(['api/relations', 'api/node-with-relations'])('%s costs the same after the node gains 2,000 relationships of another type', async (name) => {
    const cost = async (): Promise<number> => {
      const result = await db.gateway.read((tx) => tx.run(`PROFILE ${cypher(name)}`, BATCHES[name]!(1)));
      expect(JSON.stringify(result.records.map((r) => r.toObject()))).toContain('HOLDS_POSITION');
      return dbHits(result.summary.profile as unknown as ProfileNode);
    };
    const before = await cost();
    await db.gateway.write((tx) =>
      tx.run("MATCH (o:Official {key: $key}) UNWIND range(1, 2000) AS i CREATE (o)-[:ATTENDED]->(:Meeting:Entity {key: 'meeting:crowd ' + i})", { key: official }),
    );
    try {
      expect(await cost()).toBeLessThan(before + 50);
    } finally {
      await db.gateway.write((tx) => tx.run("MATCH (m:Meeting) WHERE m.key STARTS WITH 'meeting:crowd ' DETACH DELETE m"));
    }
  });
});

describe('batched reads', () => {
  it.each(Object.keys(BATCHES))('%s is planned once for batches of 1, 2, 12 and 120', async (name) => {
    const clear = async (): Promise<string> =>
      String((await db.gateway.write((tx) => tx.run('CALL db.clearQueryCaches()'))).records[0]?.get('value'));
    await clear();
    for (const size of [1, 2, 12, 120]) await db.gateway.read((tx) => tx.run(cypher(name), BATCHES[name]!(size)));
    expect(await clear()).toMatch(/cleared of 1 quer/);
  });
});
