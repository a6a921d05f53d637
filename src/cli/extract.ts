import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { Command, CommanderError } from 'commander';
import cliProgress from 'cli-progress';
import { extractReport } from '../extract/extract.ts';
import { listReportFiles, readFileReports } from '../io/read-reports.ts';

/**
 * `npm run -s extract -- <files or folders…> [--out FILE]`: one extraction record
 * per report as JSON Lines on stdout (or in FILE). Errors and warnings go to
 * stderr as JSON lines; the exit code is 1 when any file failed, 2 on usage errors.
 */

const PROGRESS_OVER = 20;

async function write(out: Writable, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

async function run(paths: string[], opts: { out?: string; quiet?: boolean; progress?: boolean }): Promise<number> {
  const entries = await listReportFiles(paths);
  const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
  const tty = process.stderr.isTTY ?? false;
  const showBar = opts.progress !== false && (tty || entries.length > PROGRESS_OVER);
  const bar = showBar
    ? new cliProgress.SingleBar(
        { stream: process.stderr, noTTYOutput: !tty, notTTYSchedule: 5000, format: 'extract [{bar}] {value}/{total} files · {reports} reports · {failed} failed' },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(entries.length, 0, { reports: 0, failed: 0 });
  let failed = 0;
  let skipped = 0;
  let reports = 0;
  const report = (line: Record<string, unknown>): void => {
    if (bar) bar.stop();
    process.stderr.write(`${JSON.stringify(line)}\n`);
    if (bar) bar.start(entries.length, done, { reports, failed });
  };
  let done = 0;
  for (const entry of entries) {
    for await (const result of readFileReports(entry)) {
      if (!result.ok) {
        if (result.skipped) skipped++;
        else failed++;
        if (!result.skipped || !opts.quiet) report({ level: result.skipped ? 'skipped' : 'error', file: result.file, reason: result.reason });
        continue;
      }
      try {
        const record = extractReport(result.input);
        reports++;
        await write(out, `${JSON.stringify(record)}\n`);
        if (!opts.quiet) for (const w of record.warnings) report({ level: 'warning', file: record.document.file, message: w });
      } catch (error) {
        failed++;
        report({ level: 'error', file: result.input.file, reason: `extraction failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    done++;
    bar?.update(done, { reports, failed });
  }
  bar?.stop();
  if (opts.out) {
    out.end();
    await once(out, 'finish');
  }
  if (!opts.quiet || failed > 0) process.stderr.write(`${JSON.stringify({ level: 'summary', files: entries.length, reports, skipped, failed })}\n`);
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
