import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import { connect, localAddress } from '../../src/graph/database.ts';
import { Gateway } from '../../src/graph/gateway.ts';
import { startLocalNeo4j } from '../../src/graph/local-neo4j.ts';
import type { LocalNeo4j } from '../../src/graph/local-neo4j.ts';
import { findFreePort } from '../../src/graph/free-port.ts';
import { errorCodes, postGraphql } from './support/http.ts';
import type { GraphqlResponse } from './support/http.ts';
import { loadSeedsGraph } from './support/seeds-graph.ts';

/**
 * Neo4j stopped under a running API: queries answer DATABASE_UNAVAILABLE and /readyz 503, and
 * once the same Neo4j is back (same port, same data) the same API answers again, unrestarted.
 * Uses its own Neo4j so the shared one of the run is never stopped.
 */

let port: number;
let dataDir: string;
let neo: LocalNeo4j | null = null;
let gateway: Gateway;
let server: { url: string; close(): Promise<void> };

const QUERY = '{ search(text: "dinh cong su") { node { id name } } }';

beforeAll(async () => {
  port = await findFreePort();
  dataDir = await mkdtemp(join(tmpdir(), 'hoptac-api-outage-'));
  neo = await startLocalNeo4j({ port, dataDir });
  const driver = await connect(neo.uri, neo4j.auth.basic('neo4j', ''), 'neo4j');
  gateway = new Gateway(driver, 'neo4j');
  await loadSeedsGraph(gateway);
  server = await startApiServer({ config: loadConfig({ PORT: '0', API_QUERY_TIMEOUT_MS: '5000' }), database: { gateway, address: localAddress(neo.uri) } });
}, 600_000);

afterAll(async () => {
  await server?.close();
  await gateway?.close();
  await neo?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 300_000);

describe('database outage', () => {
  it('answers DATABASE_UNAVAILABLE while Neo4j is down and answers again once it is back, without restarting the API', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    const before = await postGraphql(server.url, QUERY);
    const [hit] = (before.data?.search ?? []) as { node: { id: string; name: string } }[];
    expect(hit?.node.name).toBe('Đinh Công Sứ');
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    await neo?.stop();
    neo = null;
    const down = await postGraphql(server.url, QUERY);
    expect(errorCodes(down)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(down.errors[0]?.message).toBe('The database is unavailable; try again shortly.');
    expect(down.errors[0]?.extensions?.stacktrace).toBeUndefined();
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    neo = await startLocalNeo4j({ port, dataDir });
    await waitUntilReady(`${base}/readyz`, 180_000);
    // A restarted Neo4j recovers its full-text index after Bolt is up: until then search may time out.
    const { answer, interim } = await queryUntilAnswered(server.url, QUERY, 180_000);
    expect(answer.data).toEqual(before.data);
    expect(interim.every((code) => code === 'TIMEOUT' || code === 'DATABASE_UNAVAILABLE')).toBe(true);
    // Lookups by key go through the key constraints' indexes, which the restarted store may still be
    // rebuilding: poll until the node is there again (observed: null for a while after a hard stop).
    const lookupQuery = 'query($id: ID!) { node(id: $id) { ... on Official { name positions { title } } } }';
    const deadline = Date.now() + 180_000;
    let lookup = await postGraphql(server.url, lookupQuery, { id: hit?.node.id });
    while (lookup.data?.node == null && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 2000));
      lookup = await postGraphql(server.url, lookupQuery, { id: hit?.node.id });
    }
    expect(lookup.data).toEqual({ node: { name: 'Đinh Công Sứ', positions: [{ title: 'Phó Chủ tịch' }] } });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  }, 600_000);
});

/** Repeats a query until it answers without errors; returns the answer and the error codes seen before it. */
async function queryUntilAnswered(url: string, query: string, timeoutMs: number): Promise<{ answer: GraphqlResponse; interim: unknown[] }> {
  const deadline = Date.now() + timeoutMs;
  const interim: unknown[] = [];
  while (Date.now() < deadline) {
    const answer = await postGraphql(url, query);
    if (answer.errors.length === 0) return { answer, interim };
    interim.push(...errorCodes(answer));
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error(`no answer within ${timeoutMs} ms; codes seen: ${interim.join(', ')}`);
}

/** Polls /readyz until the API says the database answers (a restarted Neo4j first recovers its store and indexes). */
async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await fetch(url)).status === 200) return;
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error(`not ready within ${timeoutMs} ms`);
}
