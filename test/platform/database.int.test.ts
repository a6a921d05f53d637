import { int } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/graph/database.ts';
import { applySchema } from '../../src/graph/migrate.ts';
import { cypher, listCypherNames } from '../../src/graph/cypher.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';

describe('the test database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await resetGraph(db.gateway);
  });
  afterAll(async () => db.close());

  it('answers reads and writes through the gateway', async () => {
    const written = await db.gateway.write(async (tx) => {
      const result = await tx.run('CREATE (p:PlatformProbe {key: $key}) RETURN p.key AS key', { key: 'probe:1' });
      return result.records.map((record) => record.get('key'));
    });
    const read = await db.gateway.read(async (tx) => {
      const result = await tx.run('MATCH (p:PlatformProbe) RETURN p.key AS key ORDER BY key');
      return result.records.map((record) => record.get('key'));
    });
    expect({ written, read, ping: await db.gateway.ping() }).toEqual({ written: ['probe:1'], read: ['probe:1'], ping: true });
  });

  it('runs a write again at once when Neo4j rolls it back to break a deadlock, and both writes commit', async () => {
    await db.gateway.write((tx) => tx.run("CREATE (:DeadlockProbe {key: 'a', n: 0}), (:DeadlockProbe {key: 'b', n: 0})"));
    // Each write locks one node, waits until the other holds its own, then asks for the other's:
    // a deadlock, of which Neo4j rolls one back. Only first attempts wait, so the rerun goes through.
    const locked: (() => void)[] = [];
    const bothLocked = new Promise<void>((resolve) => {
      let count = 0;
      for (let i = 0; i < 2; i++) locked.push(() => ++count === 2 && resolve());
    });
    const attempts = [0, 0];
    const lockInOrder = (which: number, first: string, second: string) =>
      db.gateway.write(async (tx) => {
        attempts[which]!++;
        await tx.run('MATCH (p:DeadlockProbe {key: $key}) SET p.n = p.n + 1', { key: first });
        if (attempts[which] === 1) {
          locked[which]!();
          await bothLocked;
        }
        await tx.run('MATCH (p:DeadlockProbe {key: $key}) SET p.n = p.n + 1', { key: second });
      });
    const before = db.gateway.deadlockRetries;
    await Promise.all([lockInOrder(0, 'a', 'b'), lockInOrder(1, 'b', 'a')]);
    const counts = await db.gateway.read(async (tx) =>
      (await tx.run('MATCH (p:DeadlockProbe) RETURN p.key AS key, p.n AS n ORDER BY key')).records.map((r) => [r.get('key'), Number(r.get('n'))]),
    );
    expect({ attempts: [...attempts].sort(), retries: db.gateway.deadlockRetries - before, counts }).toEqual({
      attempts: [1, 2],
      retries: 1,
      counts: [['a', 2], ['b', 2]],
    });
  });

  it('resetGraph deletes every node and keeps the schema', async () => {
    await applySchema(db.gateway);
    const before = await countSchema(db);
    await db.gateway.write((tx) => tx.run('UNWIND range(1, 25000) AS i CREATE (:PlatformProbe {i: i})'));
    await resetGraph(db.gateway);
    const nodes = await db.gateway.read(async (tx) => (await tx.run('MATCH (n) RETURN count(n) AS n')).records[0]!.get('n').toNumber());
    expect({ nodes, schema: await countSchema(db) }).toEqual({ nodes: 0, schema: before });
  });

  it.skipIf(process.env.NEO4J_URI)('writes a checkpoint on CALL hoptac.checkpoint(), covering the last commit (the local launcher)', async () => {
    const checkpoint = async () =>
      db.gateway.write(async (tx) => Number((await tx.run(cypher('bench/checkpoint'))).records[0]!.get('transactionId')));
    const first = await checkpoint();
    await db.gateway.write((tx) => tx.run('CREATE (:PlatformProbe {checkpoint: true})'));
    const second = await checkpoint();
    expect(second).toBeGreaterThan(first);
    await db.gateway.write((tx) => tx.run('MATCH (p:PlatformProbe {checkpoint: true}) DELETE p'));
  });

  it('applySchema creates every schema file once and is idempotent', async () => {
    const first = await applySchema(db.gateway);
    const afterFirst = await countSchema(db);
    const second = await applySchema(db.gateway);
    expect(first.applied).toEqual(listCypherNames('schema'));
    expect(second.applied).toEqual(first.applied);
    expect(Object.keys(second.backfilled)).toEqual([...listCypherNames('backfill'), 'names/full-names']);
    expect(Object.values(second.backfilled).every((changed) => changed === 0)).toBe(true);
    expect(await countSchema(db)).toEqual(afterFirst);
    expect(afterFirst.constraints + afterFirst.indexes).toBeGreaterThanOrEqual(first.applied.length);
  });
});

describe('applySchema on a graph loaded by an earlier version', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await resetGraph(db.gateway);
  });
  afterAll(async () => {
    await resetGraph(db.gateway);
    await db.close();
  });

  it('gives Evidence nodes without a rank theirs, in batches, so their sentences are read again', async () => {
    // 23 nodes as an earlier loader wrote them (no rank), some undated; batches of 5 take five runs.
    await db.gateway.write((tx) =>
      tx.run(`UNWIND range(1, 23) AS i
              CREATE (:Evidence {fact: 'fact:old', report: 'report:' + i, start: 0, end: 1, text: 'câu ' + i,
                                 publishedAt: CASE WHEN i % 4 = 0 THEN null ELSE '2024-01-' + right('0' + (i % 28 + 1), 2) END})`),
    );
    const first = await applySchema(db.gateway, { backfillBatch: 5 });
    const second = await applySchema(db.gateway, { backfillBatch: 5 });
    const ranks = await db.gateway.read(async (tx) =>
      (await tx.run("MATCH (ev:Evidence {fact: 'fact:old'}) RETURN ev.report AS report, ev.publishedAt AS publishedAt, ev.rank AS rank")).records.map((r) => r.toObject()),
    );
    const latest = await db.gateway.read(async (tx) =>
      (await tx.run(`WITH {fact: 'fact:old'} AS r RETURN ${cypher('fragments/evidence-recent')} AS evidence`, { evidenceLimit: int(3) })).records[0]!.get('evidence'),
    );
    const byDate = [...ranks].sort((a, b) => compareBy(a.publishedAt ?? '', b.publishedAt ?? '') || compareBy(a.report, b.report));
    expect({
      first: first.backfilled['backfill/evidence-rank'],
      second: second.backfilled['backfill/evidence-rank'],
      ranks: ranks.map((r) => r.rank),
      latest: latest.map((ev: { report: string }) => ev.report),
    }).toEqual({
      first: 23,
      second: 0,
      ranks: ranks.map((r) => `${r.publishedAt ?? ''} ${r.report}`),
      latest: byDate.slice(-3).map((r) => r.report),
    });
  });
});

function compareBy(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function countSchema(db: Database): Promise<{ constraints: number; indexes: number; names: string[] }> {
  return db.gateway.read(async (tx) => {
    const constraints = (await tx.run('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name')).records.map((r) => r.get('name') as string);
    const indexes = (await tx.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name ORDER BY name")).records.map(
      (r) => r.get('name') as string,
    );
    return { constraints: constraints.length, indexes: indexes.length, names: [...constraints, ...indexes].sort() };
  });
}
