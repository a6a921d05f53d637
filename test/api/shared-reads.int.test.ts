import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLoaders } from '../../src/api/context.ts';
import { startApiServer } from '../../src/api/server.ts';
import { createSharedReads } from '../../src/api/shared-reads.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/graph/database.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';
import { postGraphql } from './support/http.ts';
import { loadSeedsGraph } from './support/seeds-graph.ts';

/**
 * Requests in flight at the same time share their reads: what they ask of the same statement in
 * one turn of the event loop goes to Neo4j as one statement, and each request still gets its own
 * answer (null for its missing node, its own fields, its own errors).
 */

let db: Database;
let server: { url: string; close(): Promise<void> };
let officials: string[] = [];

const LOOKUP = 'query($id: ID!) { node(id: $id) { id ... on Entity { name type } } }';
const POSITIONS = 'query($id: ID!) { node(id: $id) { id ... on Official { name positions { title organisation { name } } } } }';

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db.gateway);
  await loadSeedsGraph(db.gateway);
  server = await startApiServer({ config: loadConfig({ PORT: '0', API_QUERY_TIMEOUT_MS: '60000' }), database: db });
  const rows = await db.gateway.read((tx) => tx.run('MATCH (o:Official)-[:HOLDS_POSITION]->() RETURN DISTINCT o.key AS key ORDER BY key LIMIT 12'));
  officials = rows.records.map((r) => String(r.get('key')));
});

afterAll(async () => {
  await server?.close();
  await resetGraph(db.gateway);
  await db?.close();
});

describe('reads shared by concurrent requests', () => {
  it('put the node loads of two requests made in the same turn into one statement, each answered its own', async () => {
    const shared = createSharedReads(db.gateway, {});
    const first = createLoaders(shared);
    const second = createLoaders(shared);
    const reads = vi.spyOn(db.gateway, 'readOne');
    try {
      const [a, b, missing] = await Promise.all([first.nodes.load(officials[0]!), second.nodes.load(officials[1]!), second.nodes.load('official:nobody')]);
      expect(reads).toHaveBeenCalledTimes(1);
      expect(a?.key).toBe(officials[0]);
      expect(b?.key).toBe(officials[1]);
      expect(missing).toBeNull();
    } finally {
      reads.mockRestore();
    }
  });

  it('answer concurrent HTTP requests as they are answered one at a time, with fewer statements than requests', async () => {
    expect(officials.length).toBeGreaterThanOrEqual(4);
    const asks = [...officials, 'official:nobody'].flatMap((id) => [
      { query: LOOKUP, id },
      { query: POSITIONS, id },
    ]);
    const alone = [];
    for (const ask of asks) alone.push(await postGraphql(server.url, ask.query, { id: ask.id }));
    // A first burst opens the client's connections, so the second one arrives at once.
    await Promise.all(asks.map((ask) => postGraphql(server.url, ask.query, { id: ask.id })));
    const reads = vi.spyOn(db.gateway, 'readOne');
    try {
      const together = await Promise.all(asks.map((ask) => postGraphql(server.url, ask.query, { id: ask.id })));
      expect(together).toEqual(alone);
      expect(reads.mock.calls.length).toBeLessThan(asks.length);
    } finally {
      reads.mockRestore();
    }
    expect(alone.every((answer) => answer.errors.length === 0)).toBe(true);
    expect(alone.at(-1)?.data).toEqual({ node: null });
    expect(alone.filter((answer) => (answer.data?.node as { positions?: unknown[] } | null)?.positions?.length)).toHaveLength(officials.length);
  });

  it('are planned by Neo4j before a new server answers its first request', async () => {
    const clear = async (): Promise<string> =>
      String((await db.gateway.write((tx) => tx.run('CALL db.clearQueryCaches()'))).records[0]?.get('value'));
    await clear();
    const fresh = await startApiServer({ config: loadConfig({ PORT: '0' }), database: db });
    try {
      const cleared = /cleared of (\d+) quer/.exec(await clear());
      expect(Number(cleared?.[1] ?? 0)).toBeGreaterThanOrEqual(4);
    } finally {
      await fresh.close();
    }
  });

  it('fail every request of a batch whose statement fails, with the error each would have had', async () => {
    const shared = createSharedReads(db.gateway, {});
    const reads = vi.spyOn(db.gateway, 'readOne').mockRejectedValueOnce(new Error('statement failed'));
    try {
      const results = await Promise.allSettled([createLoaders(shared).nodes.load(officials[0]!), createLoaders(shared).nodes.load(officials[1]!)]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(reads).toHaveBeenCalledTimes(1);
      // The next turn reads again: nothing of the failed batch is kept.
      expect((await createLoaders(shared).nodes.load(officials[0]!))?.key).toBe(officials[0]);
    } finally {
      reads.mockRestore();
    }
  });
});
