import { SingleBar } from 'cli-progress';
import { InvalidArgumentError } from 'commander';
import { createCommand, parseCommand } from './command.ts';
import { EXIT } from './exit-codes.ts';
import { readCliConfig } from './read-config.ts';
import { addWebOptions, planWebReading, readsWeb, runSpec } from './web-options.ts';
import type { WebCliOptions, WebPlan } from './web-options.ts';
import { openDatabase } from '../graph/database.ts';
import type { Database } from '../graph/database.ts';
import { ensureProvinces } from '../graph/ensure-provinces.ts';
import { DatabaseUnavailableError } from '../graph/gateway.ts';
import { DEFAULT_GROUP_SIZE, DEFAULT_INGEST_CONCURRENCY, ingestPaths, ingestReports } from '../graph/ingest.ts';
import type { IngestPathOptions, IngestSummary } from '../graph/ingest.ts';
import { LocalNeo4jError } from '../graph/local-neo4j.ts';
import { applySchema } from '../graph/migrate.ts';
import { PoliteFetcher } from '../io/fetch/polite-fetcher.ts';
import { readReports } from '../io/read-reports.ts';
import type { ReadResult } from '../io/read-reports.ts';
import { ResumeJournal } from '../io/web/resume-journal.ts';
import { readWebReports } from '../io/web/read-web-reports.ts';
import { createExtractor } from '../workers/extractor.ts';

/**
 * `hoptac ingest <files, folders, web addresses or - for stdin…> [--urls FILE] [--sitemap URL]`: extracts
 * and loads reports into Neo4j, each report whole or not at all (groups of reports per
 * transaction; a failing group is loaded again one report per transaction). Web pages are fetched
 * politely (`src/io/fetch`); a run over the web that is interrupted resumes where it stopped when
 * started again. Every report is checked (`src/io/report-checks.ts`, `REPORT_MAX_BYTES` each) and
 * extracted in a worker thread within `EXTRACT_TIMEOUT_MS`. Progress (pages fetched, skipped with
 * why, reports loaded) goes to stderr, the summary to stdout. Exit codes: 0 all loaded, 1 some
 * report failed, 2 a usage error or bad configuration, 3 the database could not be reached or was
 * lost (one line on stderr; what was loaded stays).
 */
function ingestCommand() {
  return addWebOptions(
    createCommand('ingest', [
      'hoptac ingest seeds/ more-reports/ feed.jsonl',
      'hoptac ingest saved-pages/ https://lmhtxdaknong.vn/rss/tin-tuc.rss',
      'hoptac ingest --records corpus/records.jsonl',
      'cat feed.jsonl | hoptac ingest -',
      'NEO4J_URI=bolt://db.example:7687 NEO4J_PASSWORD=… hoptac ingest reports/',
    ])
      .description('Extract reports (.txt, .jsonl, saved .html pages, .rss/.atom/.xml feeds, folders of them, web pages, feeds and sitemaps; - reads stdin) and load them into the graph.')
      .argument('[inputs...]', 'report files or folders, web addresses of pages or feeds, - for stdin')
      .option('--records', 'the paths hold extraction records (.jsonl, e.g. records.jsonl of hoptac generate), not reports')
      .option('--concurrency <n>', 'write transactions in flight at once', parsePositive, DEFAULT_INGEST_CONCURRENCY)
      .option('--group-size <n>', `reports per write transaction (default ${DEFAULT_GROUP_SIZE}; 1 when reading the web, so each page is in the graph as soon as it is read)`, parsePositive)
      .option('--no-progress', 'no progress on stderr (e.g. in CI logs)'),
  );
}

type Options = WebCliOptions & { records?: boolean; concurrency: number; groupSize?: number; progress: boolean };

/** Runs `hoptac ingest` on its arguments; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = ingestCommand();
  if (!parseCommand(program, argv)) return Number(process.exitCode ?? EXIT.usage);
  const options = program.opts<Options>();
  const plan = planWebReading(program.args, options);
  if (plan.paths.length === 0 && !readsWeb(plan)) {
    process.stderr.write('ingest: give files, folders, web addresses or - for stdin to read (or --urls, --sitemap)\n');
    return EXIT.usage;
  }
  return runIngest(plan, options);
}

async function runIngest(plan: WebPlan, opts: Options): Promise<number> {
  const config = readCliConfig();
  if (config === null) return EXIT.usage;
  const web = readsWeb(plan);
  const fetcher = web ? new PoliteFetcher(plan.settings) : null;
  const journal = web && plan.cacheDir ? new ResumeJournal(plan.cacheDir, runSpec(plan)) : null;
  const extractor = createExtractor({ timeoutMs: config.reports.extractTimeoutMs });
  let database: Database | null = null;
  let handled = 0;
  const counts = { fetched: 0, unchanged: 0, resumed: 0, skipped: 0 };
  const bar = new SingleBar({
    format: web
      ? 'ingest {fetched} fetched ({unchanged} unchanged) · {skipped} skipped · {value} reports loaded · {failed} failed · {duration_formatted}'
      : 'ingest {value} reports · {rate} reports/s · {skipped} skipped · {failed} failed · {duration_formatted}',
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  try {
    database = await openDatabase(config.neo4j);
    await applySchema(database.gateway);
    await ensureProvinces(database.gateway);
    let failed = 0;
    const refresh = (): void => {
      if (opts.progress) bar.update({ ...counts, failed });
    };
    if (opts.progress) bar.start(0, 0, { rate: '0', failed: 0, ...counts });
    if (journal && journal.resumed > 0) say(`resuming: ${journal.resumed} addresses were finished by the interrupted run`);
    const ingest: Omit<IngestPathOptions, 'records'> = {
      concurrency: opts.concurrency,
      groupSize: opts.groupSize ?? (web ? 1 : DEFAULT_GROUP_SIZE),
      limits: { maxBytes: config.reports.maxBytes },
      extract: (input) => extractor.extract(input),
      onProgress: ({ done, failed: f, seconds }) => {
        failed = f;
        handled = done;
        if (opts.progress) bar.update(done, { rate: (done / Math.max(seconds, 0.001)).toFixed(1), failed, ...counts });
      },
      onSettled: (file, status) => {
        if (status === 'skipped') counts.skipped++;
        if (status !== 'failed') journal?.record(file);
      },
    };
    let summary: IngestSummary;
    if (opts.records) summary = await ingestPaths(database.gateway, plan.paths, { ...ingest, records: true });
    else {
      const webReports = fetcher
        ? readWebReports(fetcher, plan.sources, {
            ...plan.read,
            ...(journal ? { isDone: (address: string) => journal.has(address) } : {}),
            onEvent: (event) => {
              if (event.kind === 'resumed') counts.resumed++;
              else {
                counts.fetched++;
                if (event.fromCache) counts.unchanged++;
              }
              refresh();
            },
          })
        : null;
      summary = await ingestReports(database.gateway, announceSkips(concat(readReports(plan.paths, { maxBytes: config.reports.maxBytes }), webReports)), ingest);
    }
    if (opts.progress) bar.stop();
    journal?.finish();
    process.stdout.write(formatSummary(summary, fetcher ? { ...counts, requests: fetcher.stats.requests } : null));
    return summary.failed.length > 0 ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (opts.progress) bar.stop();
    if (!(error instanceof DatabaseUnavailableError || error instanceof LocalNeo4jError)) throw error;
    // One line, no stack trace: the database went away (or never came), which is not the input's fault.
    say(`ingest: the database is unavailable (${error.message.split('\n')[0]}); ${handled} reports were handled before, what loaded stays`);
    return EXIT.database;
  } finally {
    await fetcher?.close();
    await extractor.close();
    await database?.close().catch(() => undefined);
  }
}

/** Writes a line to stderr, clearing a progress bar drawn on a terminal first. */
function say(line: string): void {
  process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}${line}\n`);
}

async function* concat(...sources: (AsyncIterable<ReadResult> | null)[]): AsyncGenerator<ReadResult> {
  for (const source of sources) if (source) yield* source;
}

/** Names each skipped input on stderr as it passes, with why (the summary counts them). */
async function* announceSkips(source: AsyncIterable<ReadResult>): AsyncGenerator<ReadResult> {
  for await (const item of source) {
    if (!item.ok && item.skipped) say(`skipped ${item.file}: ${item.reason}`);
    yield item;
  }
}

function formatSummary(s: IngestSummary, web: { fetched: number; unchanged: number; resumed: number; requests: number } | null): string {
  const total = s.loaded + s.unchanged + s.replaced + s.failed.length;
  const lines = [
    `${total} reports in ${s.seconds.toFixed(1)} s (${(total / Math.max(s.seconds, 0.001)).toFixed(1)} reports/s, ${s.writes} graph writes)`,
    ...(web
      ? [
          `  fetched    ${web.fetched} (${web.unchanged} unchanged since the last run, ${web.requests} requests)`,
          ...(web.resumed > 0 ? [`  resumed    ${web.resumed} addresses finished by the interrupted run, not asked again`] : []),
        ]
      : []),
    `  loaded     ${s.loaded}`,
    `  unchanged  ${s.unchanged}`,
    `  replaced   ${s.replaced}`,
    `  skipped    ${s.skipped.length}`,
    ...s.skipped.map((f) => `    ${f.file}: ${f.reason}`),
    `  failed     ${s.failed.length}`,
    ...s.failed.map((f) => `    ${f.file}: ${f.reason}`),
    ...(s.dropped.length > 0 ? [`  dropped    ${s.dropped.length} relations`, ...s.dropped.map((d) => `    ${d.file}: ${d.relation}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}
