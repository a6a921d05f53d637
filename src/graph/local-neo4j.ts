import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, rmdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import createDebug from 'debug';

const log = createDebug('hoptac:neo4j');

/** The Maven project of the launcher and the artifacts its build leaves. */
export const LAUNCHER_DIR = fileURLToPath(new URL('../../neo4j/', import.meta.url));
const JAR = join(LAUNCHER_DIR, 'target', 'hoptac-neo4j.jar');
const JVM_OPTIONS = join(LAUNCHER_DIR, 'jvm.options');
const BUILD_LOCK = join(LAUNCHER_DIR, 'target', '.build-lock');

/** Why the local Neo4j could not start; `message` is a sentence for the user. */
export type LocalNeo4jFailure = 'java-missing' | 'maven-missing' | 'build-failed' | 'store-locked' | 'port-in-use' | 'not-ready' | 'exited';

/** The local Neo4j did not start. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
  constructor(
    readonly reason: LocalNeo4jFailure,
    message: string,
  ) {
    super(message);
  }
}

/** How a JVM ended: its exit code, or the signal that killed it. */
export type JvmExit = { code: number | null; signal: NodeJS.Signals | null };

/**
 * A running local Neo4j. `stop()` shuts it down cleanly (SIGTERM, then SIGKILL after a grace
 * period); `exited` settles when the JVM ends, for whatever reason (stopped, killed, crashed).
 */
export type LocalNeo4j = { uri: string; pid: number; dataDir: string; exited: Promise<JvmExit>; stop(): Promise<void> };

export type LocalNeo4jOptions = {
  port: number;
  dataDir: string;
  /** Page cache in bytes; the launcher's own default (128 MiB) when unset. */
  pageCacheBytes?: number;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
};

/** Exit codes of the Java launcher (see neo4j/src/main/java/org/hoptac/neo4j/LocalNeo4j.java). */
const EXIT_REASONS: Record<number, LocalNeo4jFailure> = { 3: 'store-locked', 4: 'port-in-use', 5: 'not-ready' };

/**
 * Starts the embedded Neo4j on 127.0.0.1:`port` over `dataDir`, building the launcher first when it
 * is missing or older than its sources. Resolves once Bolt accepts connections. The JVM watches its
 * stdin, which this process holds open: when this process ends in any way, the JVM stops too.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  await ensureLauncherBuilt();
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const readyTimeoutMs = options.readyTimeoutMs ?? 240_000;
  const args = [`@${JVM_OPTIONS}`, '-jar', JAR, '--data', dataDir, '--port', String(options.port)];
  args.push('--ready-timeout-seconds', String(Math.ceil(readyTimeoutMs / 1000)));
  if (options.pageCacheBytes !== undefined) args.push('--page-cache', String(options.pageCacheBytes));
  args.push('--watch-stdin', '--parent-pid', String(process.pid));
  log('spawning java %s', args.join(' '));
  // Own process group: a terminal's Ctrl-C reaches only this process, which then stops the JVM in order.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const stopOnExit = (): void => void child.kill('SIGTERM');
  process.once('exit', stopOnExit);
  const ended = new Promise<JvmExit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const exited = ended.then(({ code }) => code);
  void ended.then(() => process.removeListener('exit', stopOnExit));

  const uri = await awaitReady(child, exited, readyTimeoutMs + 5000).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  log('ready at %s (pid %d)', uri, child.pid);
  return {
    uri,
    pid: child.pid ?? -1,
    dataDir,
    exited: ended,
    stop: () => stopChild(child, exited, options.stopTimeoutMs ?? 60_000),
  };
}

function awaitReady(child: ChildProcess, exited: Promise<number | null>, timeoutMs: number): Promise<string> {
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    log('%s', line);
    stderr.push(line);
    if (stderr.length > 20) stderr.shift();
  });
  return new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new LocalNeo4jError('not-ready', `local Neo4j did not accept Bolt connections within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(error.code === 'ENOENT' ? javaMissing() : new LocalNeo4jError('exited', `could not start java: ${error.message}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /^hoptac-neo4j ready (\S+)$/.exec(line);
      if (ready) {
        clearTimeout(timer);
        done(ready[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      const reason = EXIT_REASONS[code ?? -1] ?? 'exited';
      const detail = stderr.filter((line) => line.startsWith('hoptac-neo4j:')).map((line) => line.slice(14)).join('; ');
      fail(new LocalNeo4jError(reason, `local Neo4j exited with code ${code}: ${detail || stderr.join('\n') || 'no message'}`));
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
  child.stdin?.destroy();
}

function javaMissing(): LocalNeo4jError {
  return new LocalNeo4jError('java-missing', 'java was not found on PATH: install Java 17 or newer, or set NEO4J_URI to use an existing Neo4j');
}

/**
 * Builds `neo4j/target/hoptac-neo4j.jar` with Maven when it is missing or older than `pom.xml`
 * or a Java source (not `jvm.options`: the JVM reads it at each start, so editing it needs no
 * build). Tries offline first (no network once Maven's cache holds the artifacts). A lock folder
 * keeps two processes from building at once. Returns the jar's path.
 */
export async function ensureLauncherBuilt(): Promise<string> {
  if (!isLauncherStale()) return JAR;
  await withBuildLock(async () => {
    if (!isLauncherStale()) return;
    log('building the launcher with Maven');
    const offline = await runMaven(['-o', '-q', '-B', 'package']);
    if (offline.code === 0 && !isLauncherStale()) return;
    const online = await runMaven(['-q', '-B', 'package']);
    if (online.code !== 0) {
      throw new LocalNeo4jError('build-failed', `building the Neo4j launcher (mvn -q -B package in neo4j/) failed:\n${online.output.trim().slice(-4000)}`);
    }
    if (isLauncherStale()) {
      throw new LocalNeo4jError('build-failed', `mvn -q -B package in neo4j/ succeeded but left target/hoptac-neo4j.jar missing or older than pom.xml or a file in neo4j/src/`);
    }
  });
  return JAR;
}

/** True when the launcher jar is missing or older than any of its build inputs (`pom.xml`, `src/`). */
export function isLauncherStale(): boolean {
  let built: number;
  try {
    built = statSync(JAR).mtimeMs;
    statSync(join(LAUNCHER_DIR, 'target', 'lib'));
  } catch {
    return true;
  }
  const sources = [join(LAUNCHER_DIR, 'pom.xml'), ...listFiles(join(LAUNCHER_DIR, 'src'))];
  return sources.some((file) => statSync(file).mtimeMs > built);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function runMaven(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('mvn', args, { cwd: LAUNCHER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'ENOENT'
          ? new LocalNeo4jError('maven-missing', 'mvn was not found on PATH: install Maven 3.8+ (it builds the local Neo4j once), or set NEO4J_URI')
          : error,
      ),
    );
    child.once('close', (code) => done({ code: code ?? 1, output }));
  });
}

async function withBuildLock(work: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  mkdirSync(join(LAUNCHER_DIR, 'target'), { recursive: true });
  for (;;) {
    try {
      await mkdir(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(BUILD_LOCK).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 15 * 60_000) rmSync(BUILD_LOCK, { recursive: true, force: true }); // left by a killed build
      if (Date.now() > deadline) throw new LocalNeo4jError('build-failed', `another process holds ${BUILD_LOCK}`);
      await new Promise((wake) => setTimeout(wake, 500));
    }
  }
  try {
    await work();
  } finally {
    await rmdir(BUILD_LOCK).catch(() => undefined);
  }
}
