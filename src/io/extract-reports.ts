import { extractReport } from '../extract/extract.ts';
import type { ExtractionRecord, ReportInput } from '../extract/record/schema.ts';
import type { ReadResult } from './read-reports.ts';
import { DEFAULT_REPORT_LIMITS, findReportProblem } from './report-checks.ts';
import type { ReportLimits } from './report-checks.ts';

/** One report read and extracted, or why not: a failed file, line or extraction, or input that is no report (`skipped`). */
export type ExtractResult = { ok: true; record: ExtractionRecord } | { ok: false; file: string; reason: string; skipped?: true };

export type ExtractOptions = {
  /** Per-report limits (`REPORT_MAX_BYTES`). */
  limits?: ReportLimits;
  /** Extracts one report: by default on this thread; the commands pass a worker thread with a time limit (`createExtractor`). */
  extract?: (input: ReportInput) => Promise<ExtractionRecord>;
};

/** Reports extracted ahead of the one being handed on, when extraction is asynchronous (keeps a worker busy while records are written or loaded). */
const EXTRACT_AHEAD = 8;

/**
 * The records of the reports of `source` (files, feeds, the web), in order. Every report passes
 * the checks of `report-checks.ts` before it is extracted, whatever its source (the file readers
 * check first, to name the line). With an asynchronous `extract`, up to `EXTRACT_AHEAD` reports
 * are extracted while earlier records are handed on; a report whose extraction fails (or runs
 * past its time limit) fails alone.
 */
export async function* extractReports(source: AsyncIterable<ReadResult>, options: ExtractOptions = {}): AsyncGenerator<ExtractResult> {
  const limits = options.limits ?? DEFAULT_REPORT_LIMITS;
  const extract = options.extract ?? (async (input: ReportInput) => extractReport(input));
  const ahead: Promise<ExtractResult>[] = [];
  const reports = source[Symbol.asyncIterator]();
  try {
    let next = reports.next();
    for (;;) {
      // While the source waits (the web: a page a second), what is extracted goes on at once
      // rather than when the queue is full, so each report is loaded as it comes.
      while (ahead.length > 0 && (await Promise.race([next.then(() => 'read'), ahead[0]!.then(() => 'extracted')])) === 'extracted') {
        yield await ahead.shift()!;
      }
      const item = await next;
      if (item.done) break;
      ahead.push(extractOne(item.value, limits, extract));
      if (ahead.length >= EXTRACT_AHEAD) yield await ahead.shift()!;
      next = reports.next();
    }
    while (ahead.length > 0) yield await ahead.shift()!;
  } finally {
    await reports.return?.();
  }
}

function extractOne(item: ReadResult, limits: ReportLimits, extract: (input: ReportInput) => Promise<ExtractionRecord>): Promise<ExtractResult> {
  if (!item.ok) return Promise.resolve(item);
  const problem = findReportProblem(item.input, limits);
  if (problem) return Promise.resolve({ ok: false, file: item.input.file, reason: `${problem.field === 'text' ? '' : `${problem.field}: `}${problem.reason}` });
  return extract(item.input).then(
    (record): ExtractResult => ({ ok: true, record }),
    (error: unknown): ExtractResult => ({ ok: false, file: item.input.file, reason: `extraction failed: ${(error as Error).message}` }),
  );
}
