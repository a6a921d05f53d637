import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { Command, CommanderError } from 'commander';
import cliProgress from 'cli-progress';
import { readCliConfig } from './read-config.ts';
import { extractReports } from '../io/extract-reports.ts';
import { createExtractor } from '../workers/extractor.ts';

/**
 * `npm run -s extract -- <files or folders…> [--out FILE]`: one extraction record
 * per report as JSON Lines on stdout (or in FILE). Errors, warnings and the files a folder scan
 * passed by go to stderr as JSON lines; the exit code is 1 when any report failed, 2 on usage
 * errors or bad configuration. Each report is extracted in a worker thread within
 * `EXTRACT_TIMEOUT_MS`; `REPORT_MAX_BYTES` bounds each report (a feed may be any size).
 */

async function write(out: Writable, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

async function run(paths: string[], opts: { out?: string; quiet?: boolean; progress?: boolean }): Promise<number> {
  const config = readCliConfig();
  if (config === null) return 2;
  const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
  const tty = process.stderr.isTTY ?? false;
  const bar =
    opts.progress !== false && tty
      ? new cliProgress.SingleBar({ stream: process.stderr, format: 'extract {value} reports · {failed} failed · {duration_formatted}' }, cliProgress.Presets.shades_classic)
      : null;
  let failed = 0;
  let reports = 0;
  let skipped = 0;
  bar?.start(0, 0, { failed });
  const report = (line: Record<string, unknown>): void => {
    bar?.stop();
    process.stderr.write(`${JSON.stringify(line)}\n`);
    bar?.start(0, reports, { failed });
  };
  const extractor = createExtractor({ timeoutMs: config.reports.extractTimeoutMs });
  try {
    for await (const result of extractReports(paths, { maxBytes: config.reports.maxBytes }, (input) => extractor.extract(input))) {
      if (!result.ok) {
        if (result.skipped) skipped++;
        else failed++;
        report({ level: result.skipped ? 'skipped' : 'error', file: result.file, reason: result.reason });
        continue;
      }
      reports++;
      await write(out, `${JSON.stringify(result.record)}\n`);
      if (!opts.quiet) for (const w of result.record.warnings) report({ level: 'warning', file: result.record.document.file, message: w });
      bar?.update(reports, { failed });
    }
  } finally {
    bar?.stop();
    await extractor.close();
  }
  if (opts.out) {
    out.end();
    await once(out, 'finish');
  }
  if (!opts.quiet || failed > 0 || skipped > 0) process.stderr.write(`${JSON.stringify({ level: 'summary', reports, failed, skipped })}\n`);
  return failed > 0 ? 1 : 0;
}

const program = new Command()
  .name('extract')
  .description('Extract actors, links and statistics from cooperative-movement reports (.txt, .jsonl) as JSON Lines')
  .argument('<paths...>', 'report files or folders (.txt, .jsonl)')
  .option('-o, --out <file>', 'write the records to FILE instead of stdout')
  .option('-q, --quiet', 'do not print per-report warnings')
  .option('--no-progress', 'never show a progress bar')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

try {
  program.parse(process.argv);
  process.exitCode = await run(program.args, program.opts());
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
  else {
    process.stderr.write(`${JSON.stringify({ level: 'error', reason: error instanceof Error ? error.message : String(error) })}\n`);
    process.exitCode = 1;
  }
}
