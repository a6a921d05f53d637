import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadConfig } from '../src/config.ts';
import { extractReport } from '../src/extract/extract.ts';
import type { ExtractionRecord, ReportInput } from '../src/extract/record/schema.ts';
import { openDatabase } from '../src/graph/database.ts';
import type { Database } from '../src/graph/database.ts';
import { ensureProvinces } from '../src/graph/ensure-provinces.ts';
import { ingestRecords } from '../src/graph/ingest-records.ts';
import { applySchema } from '../src/graph/migrate.ts';
import { generateCorpus } from '../src/generate/corpus.ts';
import { findFreePort } from '../src/graph/free-port.ts';
import { emptyGraph, flushLoad, measureGraph } from './graph-counts.ts';
import { compilerShare, describeStep, formatShare, readNeo4jCpu, readProcessCpuMs, warmRoundsUntilSettled, warmUntilSettled } from './jvm-warmup.ts';
import type { RoundsOutcome } from './jvm-warmup.ts';
import type { WarmupOutcome } from './jvm-warmup.ts';
import { checkAnswers, runLoadTest, sampleLoad, summarizeLoad } from './load-test.ts';
import type { LoadSample } from './load-test.ts';
import { loadRecordsNaively } from './naive-loader.ts';
import { spawnServer } from './servers.ts';
import { formatTable } from './table.ts';
import type { ApiFigures, BenchResults, SizeFigures } from './table.ts';
import { QUERY_LABELS, buildWorkloads } from './workloads.ts';

/**
 * `npm run bench`: hoptac against the alternatives in one run, on one machine, over the same data.
 * Starts one throw-away local Neo4j; for each corpus size generates the corpus, measures extraction
 * on one core, the naive loader and hoptac's loader over the same records, then hoptac's API and a
 * Neo4j GraphQL Library server over the same graph with autocannon. Prints one table and writes the
 * raw figures to bench/results/<date>.json.
 *
 *   npm run bench                      # sizes 1000,10000,100000
 *   npm run bench -- --quick           # 500 reports, short runs: a few minutes
 *   npm run bench -- --sizes 2000 --seconds 3
 */
const program = new Command()
  .exitOverride()
  .option('--quick', 'small corpus and short runs (a few minutes)')
  .option('--sizes <list>', 'corpus sizes, comma-separated (default 1000,10000,100000; quick: 500)')
  .option('--seconds <n>', 'duration of each load test (default 5; quick: 3)')
  .option('--warmup <n>', 'warm-up seconds before each load test (default 2; quick: 1)')
  .option(
    '--rounds <n>',
    'load tests per server, query kind and client count, the servers taking turns (hoptac, peer, peer, hoptac, …); the answers of all rounds are ranked together (default 2)',
  )
  .option('--api-warmup <n>', 'seconds each server answers each query kind in one round of the API warm-up (default 3; quick: 1)')
  .option('--api-warmup-rounds <n>', 'most rounds of the API warm-up (default 12; quick: 2)')
  .option('--api-jit-settled <percent>', "the API warm-up ends once Neo4j's JIT compilers used less than this share of its CPU over a round", '5')
  .option('--connections <list>', 'concurrent clients, comma-separated', '1,20,50')
  .option('--naive-sample <n>', 'reports the naive loader (and hoptac, for the ratio) load (default 300; quick: 50)')
  .option('--extract-sample <n>', 'reports extracted per size (default 2000; quick: 300)')
  .option(
    '--ingest-warmup <n>',
    "most reports loaded (1,000 at a time) to warm Neo4j up before either loader is measured (default 30000; quick: 2000)",
  )
  .option('--jit-settled <percent>', "the warm-up ends once Neo4j's JIT compilers used less than this share of its CPU over a chunk", '15')
  .option('--targets <n>', 'different ids per query kind', '20')
  .option('--concurrency <n>', 'transactions in flight for the naive loader (hoptac uses its ingest defaults)', '6')
  .option('--seed <n>', 'corpus seed', '1')
  .option('--out <file>', 'raw results file (default bench/results/<date>.json)')
  .parse();
const raw = program.opts<Record<string, string | boolean | undefined>>();
const quick = raw.quick === true;
const pick = (name: string, full: string, small: string): string => (typeof raw[name] === 'string' ? (raw[name] as string) : quick ? small : full);
const settings = {
  sizes: pick('sizes', '1000,10000,100000', '500').split(',').map(toCount),
  seconds: toCount(pick('seconds', '5', '3')),
  warmup: Number(pick('warmup', '2', '1')),
  rounds: toCount(pick('rounds', '2', '2')),
  apiWarmup: Number(pick('apiWarmup', '3', '1')),
  apiWarmupRounds: toCount(pick('apiWarmupRounds', '12', '2')),
  apiJitSettled: toCount(pick('apiJitSettled', '5', '5')),
  connections: pick('connections', '1,20,50', '1,20,50').split(',').map(toCount),
  naiveSample: toCount(pick('naiveSample', '300', '50')),
  extractSample: toCount(pick('extractSample', '2000', '300')),
  ingestWarmup: toCount(pick('ingestWarmup', '30000', '2000')),
  jitSettled: toCount(pick('jitSettled', '15', '15')),
  targets: toCount(pick('targets', '20', '20')),
  concurrency: toCount(pick('concurrency', '6', '6')),
  seed: toCount(pick('seed', '1', '1')),
};

/** Report numbers of the warm-up reports: far past any corpus size, so they never overlap it. */
const WARMUP_FIRST = 50_000_000;

const started = performance.now();
const date = new Date().toISOString();
const scratch = mkdtempSync(join(tmpdir(), 'hoptac-bench-'));
progress(`starting a local Neo4j over ${scratch}`);
// The benchmark's own database: the config's defaults with a free port and a throw-away folder, never the environment.
const neo4jConfig = loadConfig({}).neo4j;
const database = await openDatabase({ ...neo4jConfig, localPort: await findFreePort(), localData: scratch });
const results: BenchResults = {
  date,
  machine: {
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    loadAverage: loadavg(),
  },
  settings: {
    ...settings,
    sizes: settings.sizes.join('/'),
    connections: settings.connections.join('/'),
    pageCacheMiB: neo4jConfig.localPageCacheBytes / 2 ** 20,
    hoptacReads: neo4jConfig.maxConcurrentReads,
  },
  sizes: [],
  seconds: 0,
};
try {
  await applySchema(database.gateway);
  for (const size of settings.sizes) results.sizes.push(await measureSize(database, size));
} finally {
  await database.close();
  rmSync(scratch, { recursive: true, force: true });
}
results.seconds = (performance.now() - started) / 1000;

const out = typeof raw.out === 'string' ? raw.out : fileURLToPath(new URL(`./results/${date.replace(/[:.]/g, '-')}.json`, import.meta.url));
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${formatTable(results)}\nraw results: ${out}\n`);

/** Every figure of one corpus size, each stage from a known state. */
async function measureSize(db: Database, size: number): Promise<SizeFigures> {
  const { seed } = settings;
  const extractCount = Math.min(size, settings.extractSample);
  progress(`${size}: extracting ${extractCount} reports`);
  const inputs: ReportInput[] = [...generateCorpus({ reports: extractCount, seed })].map((r) => r.input);
  // Warm up on as many other reports first (as bench/extract.ts does): V8 needs about two thousand
  // reports to finish optimising the extractor, and a cold figure would measure the compiler.
  for (const other of generateCorpus({ reports: extractCount, seed, first: size })) extractReport(other.input);
  const extractStart = performance.now();
  for (const input of inputs) extractReport(input);
  const extractSeconds = (performance.now() - extractStart) / 1000;

  const sampleCount = Math.min(size, settings.naiveSample);
  const sample = expectedRecords(seed, 0, sampleCount);
  // Both loaders are measured on a warm JVM (see bench/jvm-warmup.ts); the naive loader also
  // loads a few reports first so that its statements are planned.
  progress(`${size}: warming Neo4j up`);
  const warmup = await warmNeo4j(db);
  const naiveWarmup = expectedRecords(seed, WARMUP_FIRST, settings.concurrency * 2);
  progress(`${size}: naive loader over the first ${sampleCount} reports`);
  await resetGraph(db);
  await loadRecordsNaively(db.gateway, naiveWarmup, { concurrency: settings.concurrency });
  await resetGraph(db);
  const naive = await loadRecordsNaively(db.gateway, sample, { concurrency: settings.concurrency });

  // The naive loader's thousands of small statements send the compilers back to work (after it,
  // a 1k corpus was loaded with them at 40% of Neo4j's CPU): hoptac's loads wait until they settle again.
  progress(`${size}: warming Neo4j up again for hoptac`);
  const rewarm = await warmNeo4j(db);
  progress(`${size}: hoptac ingest of ${size} reports`);
  const cpuBefore = readNeo4jCpu(db);
  const hoptacSample = await ingestChunk(db, sample);
  const hoptac = { ...hoptacSample, failed: hoptacSample.failed };
  const chunkSize = Math.max(sampleCount, 1000);
  for (let first = sampleCount; first < size; first += chunkSize) {
    const chunk = await ingestChunk(db, expectedRecords(seed, first, Math.min(chunkSize, size - first)));
    hoptac.reports += chunk.reports;
    hoptac.seconds += chunk.seconds;
    hoptac.writes += chunk.writes;
    hoptac.failed += chunk.failed;
    progress(`${size}: ${hoptac.reports} loaded, ${(hoptac.reports / hoptac.seconds).toFixed(1)} reports/s`);
  }
  const hoptacCompilerShare = compilerShare(cpuBefore, readNeo4jCpu(db));
  const graph = await measureGraph(db.gateway);
  const checkpointSeconds = await flushLoad(db.gateway);
  progress(`${size}: checkpoint of the load in ${checkpointSeconds.toFixed(1)} s`);

  const { api, peerMissing, apiWarmup } = await measureApi(db);
  return {
    reports: size,
    graph,
    extraction: { reports: extractCount, seconds: extractSeconds, reportsPerSecond: extractCount / extractSeconds },
    naive,
    hoptacSample: { reports: hoptacSample.reports, seconds: hoptacSample.seconds, writes: hoptacSample.writes },
    hoptac,
    warmup,
    rewarm,
    hoptacCompilerShare,
    checkpointSeconds,
    apiWarmup,
    api,
    peerMissing,
  };
}

/** Loads chunks of reports from outside the corpus into an emptied graph until Neo4j's JIT has settled; leaves the graph empty. */
async function warmNeo4j(db: Database): Promise<WarmupOutcome> {
  const outcome = await warmUntilSettled({
    prepare: async (chunk) => {
      await resetGraph(db);
      return expectedRecords(settings.seed, WARMUP_FIRST + chunk.offset, chunk.reports);
    },
    load: async (records) => (await ingestChunk(db, records)).reports,
    readCpu: () => readNeo4jCpu(db),
    maxReports: settings.ingestWarmup,
    settledShare: settings.jitSettled / 100,
    onStep: (step, sofar) => progress(describeStep(step, sofar)),
  });
  await resetGraph(db);
  return outcome;
}

/**
 * Both servers over the loaded graph, every query kind at every client count. They share one
 * Neo4j, whose JIT and page cache warm whichever server asks first, so both first answer every
 * kind for --api-warmup seconds (at the largest client count), in rounds until Neo4j's JIT
 * compilers settle (--api-jit-settled, at most --api-warmup-rounds). Then each load test runs
 * --rounds times per server, the servers taking turns (hoptac, peer, peer, hoptac, …), so neither
 * is measured on a colder database or in a different minute than the other: a slow spell of the
 * machine falls on both, and each figure ranks the answers of all its rounds.
 */
async function measureApi(db: Database): Promise<{ api: ApiFigures[]; peerMissing: SizeFigures['peerMissing']; apiWarmup: RoundsOutcome }> {
  const workloads = await buildWorkloads(db.gateway, settings.targets);
  const servers = { hoptac: await spawnServer('hoptac', db.uri), peer: await spawnServer('peer', db.uri) };
  const api: ApiFigures[] = [];
  const peerMissing: SizeFigures['peerMissing'] = {};
  let apiWarmup: RoundsOutcome = { rounds: 0, seconds: 0, settled: false, shares: [] };
  try {
    const measured: { figures: ApiFigures; url: string; bodies: string[] }[] = [];
    for (const workload of workloads) {
      if (workload.peerMissing) peerMissing[workload.kind] = workload.peerMissing;
      for (const name of ['hoptac', 'peer'] as const) {
        const bodies = workload[name];
        if (bodies === null) continue;
        const server = servers[name];
        const check = await checkAnswers(server.url, bodies);
        const figures: ApiFigures = { kind: workload.kind, server: name, targets: bodies.length, bytes: check.bytes, problem: check.problem, runs: [] };
        api.push(figures);
        if (check.problem) progress(`${name} ${QUERY_LABELS[workload.kind]}: ${check.problem}`);
        else measured.push({ figures, url: server.url, bodies });
      }
    }
    const busiest = Math.max(...settings.connections);
    apiWarmup = await warmRoundsUntilSettled({
      round: async (index) => {
        for (const { figures, url, bodies } of measured) {
          progress(`warm-up round ${index + 1}: ${figures.server} ${QUERY_LABELS[figures.kind]} × ${busiest}`);
          await runLoadTest({ url, bodies, connections: busiest, seconds: settings.apiWarmup, warmupSeconds: 0 });
        }
      },
      readCpu: () => readNeo4jCpu(db),
      maxRounds: settings.apiWarmupRounds,
      settledShare: settings.apiJitSettled / 100,
      onRound: (index, share) => progress(`warm-up round ${index + 1}: JIT compilers ${formatShare(share)} of Neo4j's CPU`),
    });
    for (const kind of new Set(measured.map((m) => m.figures.kind))) {
      const both = measured.filter((m) => m.figures.kind === kind);
      for (const connections of settings.connections) {
        const samples = new Map<ApiFigures, LoadSample[]>(both.map((m) => [m.figures, []]));
        for (let round = 0; round < settings.rounds; round++) {
          for (const { figures, url, bodies } of round % 2 === 0 ? both : [...both].reverse()) {
            progress(`${figures.server} ${QUERY_LABELS[kind]} × ${connections}${settings.rounds > 1 ? `, round ${round + 1}` : ''}`);
            const serverPid = servers[figures.server].pid;
            const cpu = { server: () => readProcessCpuMs(serverPid), neo4j: () => readProcessCpuMs(db.pid) };
            samples.get(figures)?.push(await sampleLoad({ url, bodies, connections, seconds: settings.seconds, warmupSeconds: settings.warmup, cpu }));
          }
        }
        for (const [figures, runs] of samples) figures.runs.push(summarizeLoad(runs));
      }
    }
  } finally {
    await servers.hoptac.stop();
    await servers.peer.stop();
  }
  return { api, peerMissing, apiWarmup };
}

/** hoptac's loader over one chunk of records (generated beforehand, so generation is not timed). */
async function ingestChunk(db: Database, records: ExtractionRecord[]): Promise<{ reports: number; seconds: number; writes: number; failed: number }> {
  const summary = await ingestRecords(db.gateway, records.map((record) => ({ ok: true as const, record })));
  for (const f of summary.failed.slice(0, 3)) progress(`hoptac failed ${f.file}: ${f.reason}`);
  return { reports: summary.loaded + summary.replaced + summary.unchanged, seconds: summary.seconds, writes: summary.writes, failed: summary.failed.length };
}

/** The generator's records for reports `first` … `first + count - 1`: what a perfect extractor would hand the loader. */
function expectedRecords(seed: number, first: number, count: number): ExtractionRecord[] {
  return [...generateCorpus({ reports: count, seed, first })].map((r) => r.expected);
}

/** An empty graph with the province map, as after a fresh `npm run ingest`. */
async function resetGraph(db: Database): Promise<void> {
  await emptyGraph(db.gateway);
  await ensureProvinces(db.gateway);
}

function toCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write(`expected a positive whole number, got ${JSON.stringify(text)}\n`);
    process.exit(2);
  }
  return n;
}

function progress(message: string): void {
  const elapsed = ((performance.now() - started) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[${elapsed} s] ${message}\n`);
}
