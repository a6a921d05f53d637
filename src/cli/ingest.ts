import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { readCliConfig } from './read-config.ts';
import { openDatabase } from '../graph/database.ts';
import { ensureProvinces } from '../graph/ensure-provinces.ts';
import { DEFAULT_GROUP_SIZE, DEFAULT_INGEST_CONCURRENCY, ingestPaths } from '../graph/ingest.ts';
import type { IngestSummary } from '../graph/ingest.ts';
import { applySchema } from '../graph/migrate.ts';

/**
 * `npm run ingest -- <files or folders…>`: extracts and loads reports into Neo4j, each report
 * whole or not at all (groups of reports per transaction; a failing group is loaded again one
 * report per transaction), with a progress bar (reports/s) on stderr and a summary at the end;
 * exit code 1 when any report failed.
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
  const database = await openDatabase(config.neo4j);
  try {
    await applySchema(database.gateway);
    await ensureProvinces(database.gateway);
    const bar = new SingleBar({
      format: 'ingest {value} reports · {rate} reports/s · {failed} failed · {duration_formatted}',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    });
    if (opts.progress) bar.start(0, 0, { rate: '0', failed: 0 });
    const summary = await ingestPaths(database.gateway, paths, {
      concurrency: opts.concurrency,
      groupSize: opts.groupSize,
      ...(opts.records ? { records: true } : {}),
      onProgress: ({ done, failed, seconds }) => {
        if (opts.progress) bar.update(done, { rate: (done / Math.max(seconds, 0.001)).toFixed(1), failed });
      },
    });
    if (opts.progress) bar.stop();
    process.stdout.write(formatSummary(summary));
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await database.close();
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
  ];
  return `${lines.join('\n')}\n`;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}
