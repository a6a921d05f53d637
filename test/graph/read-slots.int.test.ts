import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/graph/database.ts';
import { QueryTimeoutError } from '../../src/graph/gateway.ts';
import type { Gateway } from '../../src/graph/gateway.ts';
import { openTestDatabase } from '../support/database.ts';

// A statement that keeps Neo4j busy for a while (tens to hundreds of milliseconds) and whose
// answer shows which call it was.
const BUSY = 'UNWIND range(1, $n) AS x RETURN sum(x) AS total';
const busy = (gateway: Gateway, n: number, timeoutMs?: number) =>
  gateway.readOne(BUSY, { n: neo4j.int(n) }, timeoutMs === undefined ? {} : { timeoutMs }).then((r) => r.records[0]!.get('total').toNumber());
const triangle = (n: number) => (n * (n + 1)) / 2;

const opened: Database[] = [];
afterAll(async () => {
  await Promise.all(opened.map((db) => db.close()));
});

async function gatewayWith(maxConcurrentReads: number): Promise<Gateway> {
  const db = await openTestDatabase({ maxConcurrentReads });
  opened.push(db);
  return db.gateway;
}

describe('bounded API reads', () => {
  it('runs at most maxConcurrentReads statements at once; the others wait, and all answer', async () => {
    const gateway = await gatewayWith(2);
    const sizes = [1_000_001, 1_000_002, 1_000_003, 1_000_004, 1_000_005];
    const most = { running: 0, waiting: 0 };
    let done = false;
    const sample = (): void => {
      most.running = Math.max(most.running, gateway.reads.running);
      most.waiting = Math.max(most.waiting, gateway.reads.waiting);
      if (!done) setImmediate(sample);
    };
    const answers = Promise.all(sizes.map((n) => busy(gateway, n)));
    sample();
    const totals = await answers.finally(() => (done = true));

    expect(totals).toEqual(sizes.map(triangle));
    expect(most).toEqual({ running: 2, waiting: 3 });
    expect(gateway.reads).toEqual({ running: 0, waiting: 0 });
  });

  it('counts the wait against the time limit: a statement still waiting when it is up fails without running', async () => {
    const gateway = await gatewayWith(1);
    const long = busy(gateway, 20_000_000);
    const queued = busy(gateway, 10, 50);
    await expect(queued).rejects.toBeInstanceOf(QueryTimeoutError);
    await expect(queued).rejects.toThrow(/waited \d+ ms for one of the 1 read slots, past its limit of 50 ms/);
    expect(await long).toBe(triangle(20_000_000));
    // The slot is free again, and a statement with time to spare runs.
    expect(await busy(gateway, 10, 10_000)).toBe(55);
  });
});
