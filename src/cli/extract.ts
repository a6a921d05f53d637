import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import cliProgress from 'cli-progress';
import { extractReports } from '../io/extract-reports.ts';
import type { ExtractResult } from '../io/extract-reports.ts';
import { PoliteFetcher } from '../io/fetch/polite-fetcher.ts';
import { listReportFiles, readFileReports } from '../io/read-reports.ts';
import { readWebReports } from '../io/web/read-web-reports.ts';
import { createExtractor } from '../workers/extractor.ts';
import type { Extractor } from '../workers/extractor.ts';
import { createCommand, isStdio, parseCommand } from './command.ts';
import { EXIT } from './exit-codes.ts';
import { readCliConfig } from './read-config.ts';
import { addWebOptions, planWebReading, readsWeb } from './web-options.ts';
import type { WebCliOptions, WebPlan } from './web-options.ts';

/**
 * `hoptac extract <files, folders, web addresses or - for stdin…> [--out FILE]`: one extraction
 * record per report as JSON Lines on stdout (or in FILE). Errors, skipped inputs and warnings go to
 * stderr as JSON lines; the exit code is 1 when any input failed, 2 on usage errors or bad
 * configuration. Web addresses, `--urls` and `--sitemap` are fetched politely, as by `ingest`.
 * Every report is checked (`REPORT_MAX_BYTES` each; a feed may be any size) and extracted in a
 * worker thread within `EXTRACT_TIMEOUT_MS`.
 */

const PROGRESS_OVER = 20;

type Options = WebCliOptions & { out?: string; quiet?: boolean; progress?: boolean };

async function write(out: Writable, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

async function run(plan: WebPlan, opts: Options): Promise<number> {
  const config = readCliConfig();
  if (config === null) return 2;
  const extractor = createExtractor({ timeoutMs: config.reports.extractTimeoutMs });
  try {
    return await extractAll(plan, opts, extractor, { maxBytes: config.reports.maxBytes });
  } finally {
    await extractor.close();
  }
}

async function extractAll(plan: WebPlan, opts: Options, extractor: Extractor, limits: { maxBytes: number }): Promise<number> {
  const entries = await listReportFiles(plan.paths);
  const web = readsWeb(plan);
  const toFile = opts.out !== undefined && !isStdio(opts.out);
  const out: Writable = toFile ? createWriteStream(opts.out!) : process.stdout;
  const tty = process.stderr.isTTY ?? false;
  const showBar = opts.progress !== false && (tty || entries.length > PROGRESS_OVER || web);
  const bar = showBar
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          noTTYOutput: !tty,
          notTTYSchedule: 5000,
          format: `extract [{bar}] {value}/{total} files${web ? ' · {fetched} fetched' : ''} · {reports} reports · {skipped} skipped · {failed} failed`,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const counts = { reports: 0, skipped: 0, failed: 0, fetched: 0 };
  let done = 0;
  bar?.start(entries.length, 0, counts);
  const report = (line: Record<string, unknown>): void => {
    if (bar) bar.stop();
    process.stderr.write(`${JSON.stringify(line)}\n`);
    if (bar) bar.start(entries.length, done, counts);
  };
  const take = async (result: ExtractResult): Promise<void> => {
    if (!result.ok) {
      counts[result.skipped ? 'skipped' : 'failed']++;
      if (!result.skipped || !opts.quiet) report({ level: result.skipped ? 'skipped' : 'error', file: result.file, reason: result.reason });
      return;
    }
    counts.reports++;
    await write(out, `${JSON.stringify(result.record)}\n`);
    if (!opts.quiet) for (const w of result.record.warnings) report({ level: 'warning', file: result.record.document.file, message: w });
  };
  const extract = { limits, extract: (input: Parameters<Extractor['extract']>[0]) => extractor.extract(input) };
  for (const entry of entries) {
    for await (const result of extractReports(readFileReports(entry, limits), extract)) await take(result);
    done++;
    bar?.update(done, counts);
  }
  const fetcher = web ? new PoliteFetcher(plan.settings) : null;
  if (fetcher) {
    const results = readWebReports(fetcher, plan.sources, {
      ...plan.read,
      onEvent: (event) => {
        if (event.kind === 'fetched') counts.fetched++;
        bar?.update(counts);
      },
    });
    try {
      for await (const result of extractReports(results, extract)) {
        await take(result);
        bar?.update(counts);
      }
    } finally {
      await fetcher.close();
    }
  }
  bar?.stop();
  if (toFile) {
    out.end();
    await once(out, 'finish');
  }
  if (!opts.quiet || counts.failed > 0) {
    const summary = { level: 'summary', files: entries.length, ...(fetcher ? { fetched: counts.fetched, requests: fetcher.stats.requests } : {}), reports: counts.reports, skipped: counts.skipped, failed: counts.failed };
    process.stderr.write(`${JSON.stringify(summary)}\n`);
  }
  return counts.failed > 0 ? 1 : 0;
}

function extractCommand() {
  return addWebOptions(
    createCommand('extract', [
      'hoptac extract seeds/ > records.jsonl',
      'hoptac extract report.txt feed.jsonl saved-page.html --out records.jsonl',
      'cat report.txt | hoptac extract -',
      'hoptac extract https://lmhtxdaknong.vn/rss/tin-tuc.rss -q',
    ])
      .description('Extract actors, links and statistics from cooperative-movement reports (.txt, .jsonl, saved .html pages, .rss/.atom/.xml feeds, web pages, feeds and sitemaps; - reads stdin) as JSON Lines')
      .argument('[inputs...]', 'report files or folders, web addresses of pages or feeds, - for stdin')
      .option('-o, --out <file>', 'write the records to FILE instead of stdout (- is stdout)')
      .option('-q, --quiet', 'do not print per-report warnings and skips')
      .option('--no-progress', 'never show a progress bar'),
  );
}

/** Runs `hoptac extract` on its arguments; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = extractCommand();
  if (!parseCommand(program, argv)) return Number(process.exitCode ?? EXIT.usage);
  const options = program.opts<Options>();
  const plan = planWebReading(program.args, options);
  if (plan.paths.length === 0 && !readsWeb(plan)) {
    process.stderr.write('extract: give files, folders, web addresses or - for stdin to read (or --urls, --sitemap)\n');
    return EXIT.usage;
  }
  return run(plan, options);
}
