import { createRequire } from 'node:module';
import { z } from 'zod';

/**
 * What a load test measured: latency in ms of the 2xx responses (exact, at the clock's
 * resolution), throughput, failures; over one run or several (`rounds`) ranked together.
 */
export type LoadResult = {
  connections: number;
  /** Measured runs pooled into these figures (absent in older results: one). */
  rounds?: number;
  /** Each pooled run's own figures, in the order they ran, when there were several. */
  perRound?: { requestsPerSecond: number; p50: number; p99: number }[];
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /**
   * CPU time per request in ms, for each process `cpu` named (e.g. the server and Neo4j), over the
   * measured runs only; absent where a reading failed.
   */
  cpuPerRequest?: Record<string, number>;
};

/** One measured run before it is summarised: the time of every 2xx answer, and the CPU each named process used. */
export type LoadSample = {
  connections: number;
  seconds: number;
  requests: number;
  times: number[];
  errors: number;
  non2xx: number;
  timeouts: number;
  cpuMs: Record<string, number>;
};

/** A process's CPU used so far, in ms; null when it cannot be read. */
export type CpuReader = () => number | null;

export type LoadTestOptions = {
  url: string;
  bodies: string[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Processes whose CPU per request to report, read just before and after the measured run. */
  cpu?: Record<string, CpuReader>;
};

const resultSchema = z.object({
  duration: z.number(),
  requests: z.object({ total: z.number() }),
  errors: z.number(),
  non2xx: z.number(),
  timeouts: z.number(),
});

/** autocannon's run: a promise of its summary that also emits each response with its time in ms. */
type Run = Promise<unknown> & {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void): unknown;
};
type Autocannon = (options: Record<string, unknown>) => Run;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/**
 * Posts the bodies round-robin to `url` from `connections` clients for `seconds`, after a
 * `warmupSeconds` run whose figures are dropped (JIT, caches, connection pools).
 */
export async function runLoadTest(options: LoadTestOptions): Promise<LoadResult> {
  return summarizeLoad([await sampleLoad(options)]);
}

/** One run as `runLoadTest` makes it, unsummarised, so that runs made apart can be ranked together. */
export async function sampleLoad(options: LoadTestOptions): Promise<LoadSample> {
  const base = {
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: options.connections,
    pipelining: 1,
    timeout: 30,
    requests: options.bodies.map((body) => ({ body })),
  };
  if (options.warmupSeconds > 0) await autocannon({ ...base, duration: options.warmupSeconds });
  const readers = Object.entries(options.cpu ?? {});
  const before = readers.map(([, read]) => read());
  // autocannon's own percentiles come from a histogram of whole milliseconds, too coarse for
  // answers that take one or two: the response times it emits are kept and ranked instead.
  const times: number[] = [];
  const run = autocannon({ ...base, duration: options.seconds });
  run.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) times.push(ms);
  });
  const raw = resultSchema.parse(await run);
  const after = readers.map(([, read]) => read());
  const cpuMs: Record<string, number> = {};
  for (const [i, [name]] of readers.entries()) {
    const [start, end] = [before[i], after[i]];
    if (start != null && end != null) cpuMs[name] = end - start;
  }
  return {
    connections: options.connections,
    seconds: raw.duration,
    requests: raw.requests.total,
    times,
    errors: raw.errors,
    non2xx: raw.non2xx,
    timeouts: raw.timeouts,
    cpuMs,
  };
}

/**
 * The figures of runs at one client count taken together: latencies ranked over all their
 * answers, requests/s over their summed time, CPU per request for the processes every run read.
 */
export function summarizeLoad(samples: LoadSample[]): LoadResult {
  const [first] = samples;
  if (first === undefined) throw new Error('summarizeLoad: no runs to summarise');
  if (samples.some((s) => s.connections !== first.connections)) {
    throw new Error(`summarizeLoad: runs at different client counts (${samples.map((s) => s.connections).join(', ')})`);
  }
  const sum = (pick: (s: LoadSample) => number) => samples.reduce((total, s) => total + pick(s), 0);
  const requests = sum((s) => s.requests);
  const seconds = sum((s) => s.seconds);
  const sorted = Float64Array.from(samples.flatMap((s) => s.times)).sort();
  const cpuPerRequest: Record<string, number> = {};
  const read = Object.keys(first.cpuMs).filter((name) => samples.every((s) => s.cpuMs[name] !== undefined));
  if (requests > 0) for (const name of read) cpuPerRequest[name] = sum((s) => s.cpuMs[name] ?? 0) / requests;
  return {
    connections: first.connections,
    rounds: samples.length,
    seconds,
    requests,
    requestsPerSecond: seconds > 0 ? requests / seconds : 0,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    errors: sum((s) => s.errors),
    non2xx: sum((s) => s.non2xx),
    timeouts: sum((s) => s.timeouts),
    ...(read.length > 0 ? { cpuPerRequest } : {}),
    ...(samples.length > 1 ? { perRound: samples.map(roundFigures) } : {}),
  };
}

/** A pooled run's own figures: the summary of it alone. */
function roundFigures(sample: LoadSample): { requestsPerSecond: number; p50: number; p99: number } {
  const { requestsPerSecond, p50, p99 } = summarizeLoad([sample]);
  return { requestsPerSecond, p50, p99 };
}

/** The nearest-rank percentile of ascending values, rounded to µs; 0 when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return Math.round((sorted[rank - 1] ?? 0) * 1000) / 1000;
}

const answerSchema = z.object({ data: z.unknown().optional(), errors: z.array(z.object({ message: z.string() })).optional() });

/**
 * Sends each body once and returns the first problem (HTTP error, GraphQL error, empty data),
 * or null when every answer carries data: a load test of failing queries would measure nothing.
 */
export async function checkAnswers(url: string, bodies: string[]): Promise<{ problem: string | null; bytes: number }> {
  let bytes = 0;
  for (const body of bodies) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    bytes += text.length;
    if (!response.ok) return { problem: `HTTP ${response.status}: ${text.slice(0, 300)}`, bytes };
    const answer = answerSchema.parse(JSON.parse(text));
    if (answer.errors?.length) return { problem: answer.errors.map((e) => e.message).join('; ').slice(0, 300), bytes };
    if (isEmpty(answer.data)) return { problem: `empty answer: ${text.slice(0, 200)}`, bytes };
  }
  return { problem: null, bytes: bodies.length > 0 ? Math.round(bytes / bodies.length) : 0 };
}

/** True when the root field holds null or an empty list. */
function isEmpty(data: unknown): boolean {
  if (data === null || typeof data !== 'object') return true;
  const [root] = Object.values(data);
  if (root === null || root === undefined) return true;
  if (Array.isArray(root)) return root.length === 0;
  const edges: unknown = typeof root === 'object' && 'edges' in root ? root.edges : undefined;
  return Array.isArray(edges) && edges.length === 0;
}
