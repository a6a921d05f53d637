import { statSync, utimesSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { connect, openDatabase } from '../../src/graph/database.ts';
import { Gateway } from '../../src/graph/gateway.ts';
import { LAUNCHER_DIR, ensureLauncherBuilt, isLauncherStale, startLocalNeo4j } from '../../src/graph/local-neo4j.ts';
import { openTestDatabase } from '../support/database.ts';
import { findFreePort } from '../../src/graph/free-port.ts';
import { isProcessAlive, spawnScript, waitForChildExit, waitForExit, waitForLine } from '../support/processes.ts';

const HOLDER = join(import.meta.dirname, 'hold-local-neo4j.ts');
const READY = /^\{"jvmPid":(\d+),"uri":"([^"]+)"\}$/;
/** Starting a JVM takes from seconds to minutes on a loaded machine; these tests start two. */
const SLOW = { timeout: 600_000 };
const STARTUP_MS = 240_000;

describe('local Neo4j lifecycle', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hoptac-lifecycle-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  const holders: ChildProcess[] = [];
  const hold = (port: number): ChildProcess => {
    const child = spawnScript(HOLDER, [String(port), dataDir]);
    holders.push(child);
    return child;
  };
  afterEach(async () => {
    // A failed test must not leave its command running; its JVM follows it (stdin closes).
    for (const child of holders.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('a second start on a data directory in use fails clearly and the first keeps answering', async () => {
    const sharedDir = inject('neo4jDataDir');
    if (sharedDir === '') return; // tests run against NEO4J_URI: no local data directory to contend for
    const failure = await startLocalNeo4j({ port: await findFreePort(), dataDir: sharedDir }).then(
      () => ({ reason: 'started', mentionsDir: false }),
      (error: { reason: string; message: string }) => ({ reason: error.reason, mentionsDir: error.message.includes(sharedDir) }),
    );
    const db = await openTestDatabase();
    const answer = await db.gateway.read(async (tx) => (await tx.run('RETURN 41 + 1 AS n')).records[0]!.get('n').toNumber());
    await db.close();
    expect({ failure, answer }).toEqual({ failure: { reason: 'store-locked', mentionsDir: true }, answer: 42 });
  });

  it('SIGTERM to the command stops the JVM cleanly and the data survives a restart', SLOW, async () => {
    const port = await findFreePort();
    const first = hold(port);
    const [, jvmPid, uri] = await waitForLine(first, READY, STARTUP_MS);
    await withGateway(uri!, (gateway) => gateway.write((tx) => tx.run("CREATE (:LifecycleProbe {key: 'survives'})")));
    first.kill('SIGTERM');
    const exitCode = await waitForChildExit(first);
    const jvmGone = await waitForExit(Number(jvmPid), 60_000);

    const second = hold(port);
    const [, , secondUri] = await waitForLine(second, READY, STARTUP_MS);
    const keys = await withGateway(secondUri!, (gateway) =>
      gateway.read(async (tx) => (await tx.run('MATCH (p:LifecycleProbe) RETURN p.key AS key')).records.map((r) => r.get('key'))),
    );
    second.kill('SIGINT');
    const secondExit = await waitForChildExit(second);
    expect({ exitCode, jvmGone, keys, secondExit }).toEqual({ exitCode: 0, jvmGone: true, keys: ['survives'], secondExit: 0 });
  });

  it('starts with the page cache NEO4J_LOCAL_PAGE_CACHE asks for', SLOW, async () => {
    const config = loadConfig({ NEO4J_LOCAL_PAGE_CACHE: '200m', NEO4J_LOCAL_PORT: String(await findFreePort()), NEO4J_LOCAL_DATA: join(dataDir, 'page-cache') });
    const db = await openDatabase(config.neo4j);
    try {
      const setting = await db.gateway.read(async (tx) => {
        const result = await tx.run("SHOW SETTINGS YIELD name, value WHERE name = 'server.memory.pagecache.size' RETURN value");
        return result.records[0]?.get('value') as string | undefined;
      });
      expect(setting).toBe('200.00MiB');
    } finally {
      await db.close();
    }
  });

  it('killing the command with SIGKILL leaves no JVM behind', SLOW, async () => {
    const holder = hold(await findFreePort());
    const [, jvmPid] = await waitForLine(holder, READY, STARTUP_MS);
    const aliveBefore = isProcessAlive(Number(jvmPid));
    holder.kill('SIGKILL');
    await waitForChildExit(holder);
    const jvmGone = await waitForExit(Number(jvmPid), 120_000);
    expect({ aliveBefore, jvmGone }).toEqual({ aliveBefore: true, jvmGone: true });
  });
});

describe('launcher build', () => {
  /** Sets `file`'s modification time an hour ahead while `check` runs, then puts it back. */
  const withFileNewer = <T>(file: string, check: () => T): T => {
    const { atime, mtime } = statSync(file);
    const later = new Date(Date.now() + 3_600_000);
    utimesSync(file, later, later);
    try {
      return check();
    } finally {
      utimesSync(file, atime, mtime);
    }
  };

  it('an edited jvm.options needs no rebuild (the JVM reads it at each start), an edited Java source does', SLOW, async () => {
    if (inject('neo4jExternal')) return; // tests run against NEO4J_URI: the launcher may never have been built
    await ensureLauncherBuilt();
    const afterJvmOptions = withFileNewer(join(LAUNCHER_DIR, 'jvm.options'), isLauncherStale);
    const afterSource = withFileNewer(join(LAUNCHER_DIR, 'src', 'main', 'java', 'org', 'hoptac', 'neo4j', 'LocalNeo4j.java'), isLauncherStale);
    expect({ afterJvmOptions, afterSource, now: isLauncherStale() }).toEqual({ afterJvmOptions: false, afterSource: true, now: false });
  });
});

async function withGateway<T>(uri: string, work: (gateway: Gateway) => Promise<T>): Promise<T> {
  const gateway = new Gateway(await connect(uri, neo4j.auth.basic('neo4j', ''), 'neo4j'), 'neo4j');
  try {
    return await work(gateway);
  } finally {
    await gateway.close();
  }
}
