import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApi } from '../../bench/attack-load.ts';
import type { ApiProcess } from '../../bench/attack-load.ts';
import { findFreePort } from '../../src/graph/free-port.ts';
import { postGraphql } from '../api/support/http.ts';
import { isProcessAlive, waitForChildExit } from '../support/processes.ts';

/**
 * The built-in Neo4j's JVM killed under `npm start`: before, it was never restarted and nothing
 * was logged, and the API answered DATABASE_UNAVAILABLE until a person restarted it. Now
 * `/readyz` says 503 at once, the JVM is started again and the API answers without being
 * restarted, each step said on stderr; and when restarts keep failing, `npm start` exits 3.
 */

const SLOW = { timeout: 900_000 };
let dataDir: string;
let port: number;
let api: ApiProcess;
let blocker: Server | null = null;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hoptac-attack-supervision-'));
  port = await findFreePort();
  api = await spawnApi({ NEO4J_LOCAL_PORT: String(port), NEO4J_LOCAL_DATA: dataDir, PORT: '0', NEO4J_LOCAL_RESTARTS: '3' }, 600_000);
}, 900_000);

afterAll(async () => {
  await api?.stop();
  await new Promise((done) => (blocker ? blocker.close(done) : done(undefined)));
  await rm(dataDir, { recursive: true, force: true });
}, 300_000);

const readyz = async () => (await fetch(`${new URL(api.url).origin}/readyz`)).status;

/** The JVM's pid from the lines `npm start` printed (the first at start-up, later after each restart). */
function jvmPids(): number[] {
  return api.output.flatMap((line) => {
    const match = /^local Neo4j ready at \S+ \(pid (\d+)\)$/.exec(line) ?? /the local Neo4j is back \(pid (\d+)\)/.exec(line);
    return match ? [Number(match[1])] : [];
  });
}

/** The pid of the JVM serving this test's data directory, found by its command line (Linux), whatever `npm start` printed. */
function findJvm(): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes('hoptac-neo4j.jar') || args.some((arg) => arg.endsWith('hoptac-neo4j.jar'))) {
        if (args[args.indexOf('--data') + 1] === dataDir) return Number(entry);
      }
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms:\n${api.output.join('\n')}`);
    await new Promise((wake) => setTimeout(wake, everyMs));
  }
  return performance.now() - started;
}

describe('the built-in Neo4j under npm start', () => {
  it('is restarted when its JVM is killed: /readyz 503 at once, then 200 without restarting the app, each step on stderr', SLOW, async () => {
    const first = findJvm();
    expect(first).toBeGreaterThan(0);
    expect(await readyz()).toBe(200);
    process.kill(first!, 'SIGKILL');
    const toUnready = await waitFor(async () => (await readyz()) === 503, 30_000, 50);
    // aim within 2 s; generous for a busy machine (before: 503 only after the driver's 15–32 s)
    expect(toUnready).toBeLessThan(5000);
    const toReady = await waitFor(async () => (await readyz()) === 200, 600_000, 500);
    const second = findJvm();
    expect(second).toBeGreaterThan(0);
    expect(second).not.toBe(first);
    expect(api.child.exitCode).toBeNull();
    expect(jvmPids()).toEqual([first, second]);
    const log = api.output.join('\n');
    expect(log).toContain(`hoptac: the local Neo4j (pid ${first}) died (killed by SIGKILL)`);
    expect(log).toContain('hoptac: restarting the local Neo4j in 1 s (attempt 1 of 3)');
    expect(log).toMatch(new RegExp(`hoptac: the local Neo4j is back \\(pid ${second}\\), [\\d.]+ s after it died`));
    const answer = await postGraphql(api.url, '{ search(text: "dinh cong su") { node { name } } }');
    expect(answer.data).toEqual({ search: [{ node: { name: 'Đinh Công Sứ' } }] });
    process.stdout.write(`supervision: /readyz 503 ${Math.round(toUnready)} ms after the kill, 200 again ${(toReady / 1000).toFixed(1)} s later\n`);
  });

  it('has npm start exit 3 when restarts keep failing (here: its port taken)', SLOW, async () => {
    const current = findJvm()!;
    process.kill(current, 'SIGKILL');
    await waitFor(() => !isProcessAlive(current), 30_000, 20);
    blocker = createServer();
    await new Promise<void>((done, fail) => {
      blocker!.once('error', fail);
      blocker!.listen(port, '127.0.0.1', () => done());
    });
    expect(await waitForChildExit(api.child)).toBe(3);
    const log = api.output.join('\n');
    expect(log).toContain('attempt 3 of 3');
    expect(log).toMatch(/hoptac: the local Neo4j died and 3 restarts in a row failed \(last: .+\); giving up/);
  });
});
