import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config.ts';
import { cypher } from '../src/graph/cypher.ts';
import { openDatabase } from '../src/graph/database.ts';
import type { Database } from '../src/graph/database.ts';
import { ensureProvinces } from '../src/graph/ensure-provinces.ts';
import { DEFAULT_GROUP_SIZE, DEFAULT_INGEST_CONCURRENCY, ingestRecords } from '../src/graph/ingest-records.ts';
import { applySchema } from '../src/graph/migrate.ts';
import { generateCorpus } from '../src/generate/corpus.ts';
import type { RecordResult } from '../src/graph/read-records.ts';
import { findFreePort } from '../src/graph/free-port.ts';
import { compilerShare, describeStep, describeWarmup, readNeo4jCpu, warmUntilSettled } from './jvm-warmup.ts';

/**
 * Ingest benchmark: loads generated corpora (their expected records, so only the graph is
 * measured) into an empty graph, one size after another, and prints reports/s (overall and over
 * the last tenth of the corpus, loaded into the largest graph), graph writes/s, the transactions
 * Neo4j rolled back to break a deadlock (and the loader ran again) and the peak RSS of this
 * process. By default it starts its own throw-away local Neo4j; with NEO4J_URI set it uses that
 * server and, with --reset, empties it first.
 *
 * Before the first size it loads and discards chunks of 1,000 reports from outside the corpora
 * until Neo4j's JIT compilers take less than --jit-settled percent of its CPU over a chunk (at
 * most --warmup reports; bench/jvm-warmup.ts), so the figures are those of a warmed-up database,
 * not of its first minutes. It prints how long that took and the compilers' share during each size.
 *
 *   npx tsx bench/ingest.ts --sizes 1000,10000 [--warmup 30000] [--jit-settled 15] [--concurrency 3] [--group-size 25] [--seed 1]
 */
const program = new Command()
  .option('--sizes <list>', 'corpus sizes, comma-separated', '1000,10000')
  .option('--concurrency <n>', 'write transactions in flight', String(DEFAULT_INGEST_CONCURRENCY))
  .option('--group-size <n>', 'reports per write transaction', String(DEFAULT_GROUP_SIZE))
  .option('--seed <n>', 'corpus seed', '1')
  .option('--warmup <n>', 'most reports loaded and discarded (1,000 at a time) before the first size', '30000')
  .option('--jit-settled <percent>', "the warm-up ends once Neo4j's JIT compilers used less than this share of its CPU over a chunk", '15')
  .option('--reset', 'empty the NEO4J_URI graph before each size (never done without this flag)')
  .parse();
const opts = program.opts<{ sizes: string; concurrency: string; groupSize: string; seed: string; warmup: string; jitSettled: string; reset?: boolean }>();
const sizes = opts.sizes.split(',').map(Number);
/** Report numbers of the warm-up reports: far past any corpus size, so they never overlap it. */
const WARMUP_FIRST = 50_000_000;

const config = loadConfig();
const scratch = config.neo4j.uri === undefined ? mkdtempSync(join(tmpdir(), 'hoptac-bench-')) : null;
if (config.neo4j.uri !== undefined && !opts.reset) {
  process.stderr.write('NEO4J_URI is set: pass --reset to let the benchmark empty that graph before each size\n');
  process.exit(2);
}
const database = await openDatabase(scratch ? { ...config.neo4j, localData: scratch, localPort: await findFreePort() } : config.neo4j);
try {
  await applySchema(database.gateway);
  process.stdout.write(
    `ingest benchmark · seed ${opts.seed} · concurrency ${opts.concurrency} · ${opts.groupSize} reports per transaction · warm-up of at most ${opts.warmup} reports · ${database.uri}\n`,
  );
  const readCpu = () => readNeo4jCpu(database);
  const settledShare = Number(opts.jitSettled) / 100;
  if (Number(opts.warmup) > 0) {
    const warmup = await warmUntilSettled({
      prepare: async (chunk) => {
        await emptyGraph(database);
        await ensureProvinces(database.gateway);
        return [...expectedRecords(chunk.reports, Number(opts.seed), WARMUP_FIRST + chunk.offset)];
      },
      load: async (records) => {
        const summary = await ingestRecords(database.gateway, records);
        return summary.loaded + summary.unchanged + summary.replaced;
      },
      readCpu,
      maxReports: Number(opts.warmup),
      settledShare,
      onStep: (step, sofar) => process.stderr.write(`${describeStep(step, sofar)}\n`),
    });
    process.stdout.write(`warm-up: ${describeWarmup(warmup, settledShare)}\n`);
  }
  process.stdout.write('reports  seconds  reports/s  last 10 % r/s  writes/s   writes    failed  deadlocks  peak RSS MB  heap MB  JIT %\n');
  for (const size of sizes) {
    await emptyGraph(database);
    await ensureProvinces(database.gateway);
    // When nine tenths were loaded: the rate of the last tenth shows whether a report costs more as the graph grows.
    let ninthTenth: number | null = null;
    const deadlocksBefore = database.gateway.deadlockRetries;
    const cpuBefore = readCpu();
    const summary = await ingestRecords(database.gateway, expectedRecords(size, Number(opts.seed)), {
      concurrency: Number(opts.concurrency),
      groupSize: Number(opts.groupSize),
      onProgress: ({ done, seconds }) => {
        if (ninthTenth === null && done >= size * 0.9) ninthTenth = seconds;
      },
    });
    const done = summary.loaded + summary.unchanged + summary.replaced;
    const jit = compilerShare(cpuBefore, readCpu());
    const rssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(
      [
        String(done).padStart(7),
        summary.seconds.toFixed(1).padStart(8),
        (done / summary.seconds).toFixed(0).padStart(10),
        (ninthTenth === null ? '-' : ((done - Math.ceil(size * 0.9)) / (summary.seconds - ninthTenth)).toFixed(0)).padStart(14),
        (summary.writes / summary.seconds).toFixed(0).padStart(9),
        String(summary.writes).padStart(9),
        String(summary.failed.length).padStart(8),
        String(database.gateway.deadlockRetries - deadlocksBefore).padStart(10),
        rssMb.toFixed(0).padStart(12),
        (process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0).padStart(8),
        (jit === null ? '-' : (jit * 100).toFixed(0)).padStart(6),
      ].join(' ') + '\n',
    );
    for (const f of summary.failed.slice(0, 5)) process.stdout.write(`  failed ${f.file}: ${f.reason}\n`);
  }
} finally {
  await database.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

function* expectedRecords(size: number, seed: number, first = 0): Generator<RecordResult> {
  for (const { expected } of generateCorpus({ reports: size, seed, first })) yield { ok: true, record: expected };
}

async function emptyGraph(db: Database): Promise<void> {
  for (;;) {
    const deleted = await db.gateway.write(async (tx) => {
      const result = await tx.run(cypher('platform/delete-batch'), { batch: neo4j.int(10_000) });
      return Number(result.records[0]?.get('deleted') ?? 0);
    });
    if (deleted === 0) return;
  }
}

