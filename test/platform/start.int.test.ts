import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/graph/database.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';
import { findFreePort } from '../../src/graph/free-port.ts';
import { collectRun, HOPTAC, spawnScript, waitForLine } from '../support/processes.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const READY = /^hoptac GraphQL API ready at (http:\/\/\S+\/graphql) /;

/** `npm start` as a user runs it, with the environment given (no NEO4J_* leaking in from the test's shell). */
function start(env: Record<string, string>): ChildProcess {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NEO4J_|PORT$|HOST$|API_|HOPTAC_)/.test(name)));
  return spawnScript(HOPTAC, ['start'], { ...clean, ...env });
}


describe('npm start', () => {
  const children: ChildProcess[] = [];
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await resetGraph(db.gateway);
  });
  afterAll(async () => db.close());
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('stops with exit code 2 and names the variable when the configuration is bad', async () => {
    const result = await collectRun(start({ PORT: 'eighty' }));
    expect({ exit: result.exit, stderr: result.stderr.trim() }).toEqual({
      exit: 2,
      stderr: 'hoptac: Invalid configuration: PORT expects a whole number from 0 to 65535, got "eighty"',
    });
  });

  it('fails naming the URI when NEO4J_URI points at nothing', async () => {
    const result = await collectRun(start({ NEO4J_URI: 'bolt://127.0.0.1:1' }));
    expect(result.exit).toBe(3);
    expect(result.stderr).toMatch(/^hoptac: cannot connect to Neo4j at bolt:\/\/127\.0\.0\.1:1: /);
  });

  it('refuses a second local Neo4j on a data directory in use, naming the directory', async () => {
    const dataDir = inject('neo4jDataDir');
    if (dataDir === '') return; // running against NEO4J_URI: no local directory in use
    const result = await collectRun(start({ NEO4J_LOCAL_DATA: dataDir, NEO4J_LOCAL_PORT: String(await findFreePort()) }));
    expect(result.exit).toBe(3);
    expect(result.stderr).toContain(`data directory ${dataDir} is in use by another Neo4j process`);
  });

  it('serves GraphQL over the seeds against NEO4J_URI and stops on SIGINT', { timeout: 600_000 }, async () => {
    const child = start({ NEO4J_URI: inject('neo4jUri'), PORT: String(await findFreePort()) });
    children.push(child);
    const done = collectRun(child);
    const [, url] = await waitForLine(child, READY, 480_000);
    const health = await fetch(url!.replace(/\/graphql$/, '/readyz')).then((response) => response.status);
    const answer = await fetch(url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ alliances(first: 1) { totalCount } }' }),
    }).then((response) => response.json());
    const alliances = await db.gateway.read(async (tx) => (await tx.run('MATCH (a:Alliance) RETURN count(a) AS n')).records[0]!.get('n').toNumber());
    child.kill('SIGINT');
    const result = await done;
    expect(alliances).toBeGreaterThan(0);
    expect({ health, answer, exit: result.exit }).toEqual({ health: 200, answer: { data: { alliances: { totalCount: alliances } } }, exit: 0 });
    const seeds = readdirSync(SEEDS).filter((file) => file.endsWith('.txt')).length;
    expect(result.stdout).toContain(`loaded ${seeds} reports (0 failed)`);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('stopped');
  });
});
