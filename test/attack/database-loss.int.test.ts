import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import neo4j from 'neo4j-driver';
import { connect } from '../../src/graph/database.ts';
import { Gateway } from '../../src/graph/gateway.ts';
import { findFreePort } from '../../src/graph/free-port.ts';
import { generateCorpus } from '../../src/generate/corpus.ts';
import { startLocalNeo4j } from '../../src/graph/local-neo4j.ts';
import type { LocalNeo4j } from '../../src/graph/local-neo4j.ts';
import { errorCodes, postGraphql } from '../api/support/http.ts';
import { loadSeedsGraph } from '../api/support/seeds-graph.ts';
import { collectRun, HOPTAC, spawnScript } from '../support/processes.ts';
import { timed } from './support/seeds-api.ts';

/**
 * A database lost under the API and under `ingest`: `/readyz` took 15–32 s to say 503 (a probe
 * with a normal time-out sees a hang), and `ingest` printed a 40-line stack trace and exited 1,
 * the code for "a report failed". Uses a Neo4j of its own, which it hangs and kills.
 */

let dataDir: string;
let neo: LocalNeo4j;
let gateway: Gateway;
let server: { url: string; close(): Promise<void> };
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hoptac-attack-loss-'));
  neo = await startLocalNeo4j({ port: await findFreePort(), dataDir });
  gateway = new Gateway(await connect(neo.uri, neo4j.auth.basic('neo4j', ''), 'neo4j'), 'neo4j');
  await loadSeedsGraph(gateway);
  const address = { uri: neo.uri, user: 'neo4j', password: '', database: 'neo4j' };
  server = await startApiServer({ config: loadConfig({ PORT: '0', API_QUERY_TIMEOUT_MS: '60000' }), database: { gateway, address } });
}, 600_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  try {
    process.kill(neo.pid, 'SIGCONT');
  } catch {
    // already gone
  }
  await server?.close();
  await gateway?.close();
  await neo?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 300_000);

const readyz = async () => timed(async () => (await fetch(`${new URL(server.url).origin}/readyz`)).status);

describe('a lost database', () => {
  it('has /readyz say 503 within 2 s while the database hangs, and 200 once it answers again', async () => {
    expect((await readyz()).value).toBe(200);
    process.kill(neo.pid, 'SIGSTOP');
    // the answer before is reused for a second
    await new Promise((wake) => setTimeout(wake, 1200));
    try {
      for (let i = 0; i < 3; i++) {
        const { value, ms } = await readyz();
        expect(value).toBe(503);
        // the probe gives up after 1.5 s; generous for a busy machine, far below the 15–32 s before
        expect(ms).toBeLessThan(3000);
      }
    } finally {
      process.kill(neo.pid, 'SIGCONT');
    }
    const deadline = Date.now() + 60_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      status = (await readyz()).value;
      if (status !== 200) await new Promise((wake) => setTimeout(wake, 500));
    }
    expect(status).toBe(200);
  });

  it('has ingest exit 3 with one line when the database dies under it; what loaded stays', { timeout: 600_000 }, async () => {
    const feed = join(dataDir, 'feed.jsonl');
    writeFileSync(feed, `${[...generateCorpus({ reports: 4000, seed: 5 })].map(({ input }) => JSON.stringify(input)).join('\n')}\n`);
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NEO4J_|API_|REPORT_|EXTRACT_)/.test(name)));
    const child = spawnScript(HOPTAC, ['ingest', '--no-progress', feed], { ...clean, NEO4J_URI: neo.uri });
    children.push(child);
    const run = collectRun(child);
    // Kill the database once the ingest has loaded a few hundred reports.
    const deadline = Date.now() + 300_000;
    let loaded = 0;
    while (loaded < 300 && Date.now() < deadline && child.exitCode === null) {
      await new Promise((wake) => setTimeout(wake, 250));
      loaded = await countReports().catch(() => loaded);
    }
    expect(child.exitCode).toBeNull();
    process.kill(neo.pid, 'SIGKILL');
    const { exit, stdout, stderr } = await run;
    expect(exit).toBe(3);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ingest: the database is unavailable \(.+\); \d+ reports were handled before, what loaded stays$/);
  });

  it('has /readyz say 503 at once and queries DATABASE_UNAVAILABLE once the database is gone', async () => {
    const { value, ms } = await readyz();
    expect(value).toBe(503);
    expect(ms).toBeLessThan(3000);
    const answer = await postGraphql(server.url, '{ search(text: "dinh cong su") { node { id } } }');
    expect(errorCodes(answer)).toEqual(['DATABASE_UNAVAILABLE']);
    expect((await fetch(`${new URL(server.url).origin}/healthz`)).status).toBe(200);
  });
});

async function countReports(): Promise<number> {
  const result = await gateway.read((tx) => tx.run('MATCH (r:Report) RETURN count(r) AS n'), { timeoutMs: 5000 });
  return Number(result.records[0]?.get('n') ?? 0);
}
