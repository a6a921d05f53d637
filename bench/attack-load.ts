import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startFlags } from './servers.ts';

/**
 * The pieces of the concurrency check shared by `bench/concurrency.ts` (prints figures) and
 * `test/attack/large-graph.int.test.ts` (asserts a generous bound): the hostile requests of the
 * attack run and probes that time `/healthz` and a lookup by id while they run.
 */

/**
 * The 862-byte query (at depth 9) of the attack run: ten spreads per fragment level, each level's
 * fragment spreading the next; a cost analysis that walks each spread again does 10^depth work.
 */
export function buildFanOutQuery(depth: number): string {
  let fragments = `fragment F${depth} on Query { __typename provinces(first:1) { totalCount } }`;
  for (let i = depth - 1; i >= 0; i--) fragments += ` fragment F${i} on Query { ${Array(10).fill(`...F${i + 1}`).join(' ')} }`;
  return `query { ...F0 } ${fragments}`;
}

/** A report text of at least `bytes` UTF-8 bytes: the given reports' texts one after another (a long compilation of real-looking news). */
export function buildLargeReport(bytes: number, texts: Iterable<string>): string {
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    let added = false;
    for (const text of texts) {
      parts.push(text);
      size += Buffer.byteLength(text, 'utf8') + 2;
      added = true;
      if (size >= bytes) return parts.join('\n\n');
    }
    if (!added) throw new Error('no texts to build a report from');
  }
}

/** Latency figures of one probe, in milliseconds. */
export type ProbeFigures = { name: string; count: number; p50: number; p95: number; p99: number; max: number; failures: number };

/** A probe: one request, true when its answer is right. */
export type Probe = { name: string; run: () => Promise<boolean> };

/**
 * Runs every probe in a loop (one request at a time each, `intervalMs` apart) until `work`
 * settles, and returns its outcome with each probe's latencies. A wrong answer or an error counts
 * as a failure, with the time it took. A latency counts from when the request was due, not from
 * when it left: a client that meant to ask at that moment waited that long. This matters when
 * the server runs in the prober's own process: an event loop blocked between two probes delays
 * the next one's start, and would otherwise go unseen.
 */
export async function probeWhile<T>(probes: Probe[], work: Promise<T>, intervalMs = 50): Promise<{ outcome: PromiseSettledResult<T>; figures: ProbeFigures[] }> {
  let done = false;
  const settled = work.then(
    (value): PromiseSettledResult<T> => ({ status: 'fulfilled', value }),
    (reason: unknown): PromiseSettledResult<T> => ({ status: 'rejected', reason }),
  );
  void settled.then(() => {
    done = true;
  });
  const loops = probes.map(async (probe) => {
    const times: number[] = [];
    let failures = 0;
    let due = performance.now();
    while (!done) {
      const ok = await probe.run().catch(() => false);
      const answered = performance.now();
      times.push(answered - due);
      if (!ok) failures++;
      due = answered + intervalMs;
      await new Promise((wake) => setTimeout(wake, intervalMs));
    }
    return summarise(probe.name, times, failures);
  });
  const [outcome, figures] = await Promise.all([settled, Promise.all(loops)]);
  return { outcome, figures };
}

function summarise(name: string, times: number[], failures: number): ProbeFigures {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { name, count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round(sorted.at(-1) ?? 0), failures };
}

/** Probes of the API at `graphql`: `/healthz`, and a lookup of `id` by `node(id:)` that must return it. */
export function apiProbes(graphql: string, id: string): Probe[] {
  const origin = new URL(graphql).origin;
  return [
    { name: '/healthz', run: async () => (await fetch(`${origin}/healthz`)).status === 200 },
    {
      name: 'lookup by id',
      run: async () => {
        const response = await fetch(graphql, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id } }),
        });
        const body = (await response.json()) as { data?: { node?: { id?: string } | null } };
        return body.data?.node?.id === id;
      },
    },
  ];
}

/** `npm start` in a child process (its Node flags, the given environment); resolves once it prints its URL. */
export type ApiProcess = { url: string; child: ChildProcess; output: string[]; stop(): Promise<void> };

const HOPTAC = fileURLToPath(new URL('../bin/hoptac.js', import.meta.url));
const READY = /^hoptac GraphQL API ready at (http:\/\/\S+\/graphql) /;

export async function spawnApi(env: Record<string, string>, timeoutMs = 300_000): Promise<ApiProcess> {
  // Only the variables given: the caller's NEO4J_*, PORT, API_* never leak in.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NEO4J_|PORT$|HOST$|API_|HOPTAC_|REPORT_|EXTRACT_)/.test(name)));
  const child = spawn(process.execPath, [...startFlags(), HOPTAC, 'start'], { env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  for (const stream of [child.stderr!]) createInterface({ input: stream }).on('line', (line) => output.push(line));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not print its URL within ${timeoutMs / 1000} s:\n${output.join('\n')}`)), timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const ready = READY.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output.join('\n')}`));
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
  };
  return { url, child, output, stop };
}
