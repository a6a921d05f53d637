import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { readCliConfig } from './read-config.ts';
import { openDatabase } from '../graph/database.ts';
import type { Database } from '../graph/database.ts';
import { ensureProvinces } from '../graph/ensure-provinces.ts';
import { DatabaseUnavailableError } from '../graph/gateway.ts';
import { DEFAULT_GROUP_SIZE, DEFAULT_INGEST_CONCURRENCY, ingestPaths } from '../graph/ingest.ts';
import type { IngestSummary } from '../graph/ingest.ts';
import { LocalNeo4jError } from '../graph/local-neo4j.ts';
import { applySchema } from '../graph/migrate.ts';
import { createExtractor } from '../workers/extractor.ts';

/**
 * `npm run ingest -- <files or folders…>`: extracts and loads reports into Neo4j, each report
 * whole or not at all (groups of reports per transaction; a failing group is loaded again one
 * report per transaction), with a progress bar (reports/s) on stderr and a summary at the end.
 * Reports are extracted in a worker thread, each within `EXTRACT_TIMEOUT_MS`.
 * Exit codes: 0 all loaded, 1 some report failed, 2 bad configuration or usage,
 * 3 the database could not be reached or was lost (one line on stderr; what was loaded stays).
 */
const program = new Command()
  .name('ingest')
  .description('Extract reports (.txt files, .jsonl feeds, folders of them) and load them into the graph.')
  .argument('<paths...>', 'report files or folders')
  .option('--records', 'the paths hold extraction records (.jsonl, e.g. records.jsonl of npm run generate), not reports')
  .option('--concurrency <n>', 'write transactions in flight at once', parsePositive, DEFAULT_INGEST_CONCURRENCY)
  .option('--group-size <n>', 'reports per write transaction (1: each report in its own)', parsePositive, DEFAULT_GROUP_SIZE)
  .option('--no-progress', 'no progress bar (e.g. in CI logs)')
  .parse();

const options = program.opts<{ records?: boolean; concurrency: number; groupSize: number; progress: boolean }>();
process.exitCode = await runIngest(program.args, options);

async function runIngest(paths: string[], opts: typeof options): Promise<number> {
  const config = readCliConfig();
  if (config === null) return 2;
  const bar = new SingleBar({
    format: 'ingest {value} reports · {rate} reports/s · {failed} failed · {duration_formatted}',
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  let database: Database | null = null;
  let done = 0;
  const extractor = createExtractor({ timeoutMs: config.reports.extractTimeoutMs });
  try {
    database = await openDatabase(config.neo4j);
    await applySchema(database.gateway);
    await ensureProvinces(database.gateway);
    if (opts.progress) bar.start(0, 0, { rate: '0', failed: 0 });
    const summary = await ingestPaths(database.gateway, paths, {
      concurrency: opts.concurrency,
      groupSize: opts.groupSize,
      limits: { maxBytes: config.reports.maxBytes },
      extract: (input) => extractor.extract(input),
      ...(opts.records ? { records: true } : {}),
      onProgress: (progress) => {
        done = progress.done;
        if (opts.progress) bar.update(progress.done, { rate: (progress.done / Math.max(progress.seconds, 0.001)).toFixed(1), failed: progress.failed });
      },
    });
    if (opts.progress) bar.stop();
    process.stdout.write(formatSummary(summary));
    return summary.failed.length > 0 ? 1 : 0;
  } catch (error) {
    if (opts.progress) bar.stop();
    if (!(error instanceof DatabaseUnavailableError || error instanceof LocalNeo4jError)) throw error;
    // One line, no stack trace: the database went away (or never came), which is not the input's fault.
    const firstLine = error.message.split('\n')[0];
    process.stderr.write(`ingest: the database is unavailable (${firstLine}); ${done} reports were handled before, what loaded stays\n`);
    return 3;
  } finally {
    await extractor.close();
    await database?.close().catch(() => undefined);
  }
}

function formatSummary(s: IngestSummary): string {
  const total = s.loaded + s.unchanged + s.replaced + s.failed.length;
  const lines = [
    `${total} reports in ${s.seconds.toFixed(1)} s (${(total / Math.max(s.seconds, 0.001)).toFixed(1)} reports/s, ${s.writes} graph writes)`,
    `  loaded     ${s.loaded}`,
    `  unchanged  ${s.unchanged}`,
    `  replaced   ${s.replaced}`,
    `  failed     ${s.failed.length}`,
    ...s.failed.map((f) => `    ${f.file}: ${f.reason}`),
    ...(s.skipped.length > 0 ? [`  skipped    ${s.skipped.length} files`, ...s.skipped.map((f) => `    ${f.file}: ${f.reason}`)] : []),
    ...(s.dropped.length > 0 ? [`  dropped    ${s.dropped.length} relations`, ...s.dropped.map((d) => `    ${d.file}: ${d.relation}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}
