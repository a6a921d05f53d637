import { extractReport } from '../extract/extract.ts';
import type { ExtractionRecord, ReportInput } from '../extract/record.ts';
import { listReportFiles, readFileReports } from './read-reports.ts';
import type { ReportLimits } from './report-checks.ts';

/** One report read and extracted, or why not: a failed file, line or extraction, or a file a folder scan passed by (`skipped`). */
export type ExtractResult = { ok: true; record: ExtractionRecord } | { ok: false; file: string; reason: string; skipped?: true };

/** Reports extracted ahead of the one being handed on, when extraction is asynchronous (keeps a worker busy while records are written or loaded). */
const EXTRACT_AHEAD = 8;

/**
 * The records of the reports under `paths`, in input order: every report read and checked
 * (`readFileReports`), then extracted by `extract` (by default on this thread; the commands pass
 * a worker thread with a time limit, `createExtractor`). With an asynchronous `extract`, up to
 * `EXTRACT_AHEAD` reports are extracted while earlier records are handed on.
 */
export async function* extractReports(
  paths: string[],
  limits: ReportLimits,
  extract: (input: ReportInput) => Promise<ExtractionRecord> = async (input) => extractReport(input),
): AsyncGenerator<ExtractResult> {
  const ahead: Promise<ExtractResult>[] = [];
  for (const entry of await listReportFiles(paths)) {
    if (entry.skipped) {
      ahead.push(Promise.resolve({ ok: false, file: entry.file, reason: entry.skipped, skipped: true }));
      continue;
    }
    for await (const item of readFileReports(entry, limits)) {
      ahead.push(
        item.ok
          ? extract(item.input).then(
              (record): ExtractResult => ({ ok: true, record }),
              (error: unknown): ExtractResult => ({ ok: false, file: item.input.file, reason: `extraction failed: ${(error as Error).message}` }),
            )
          : Promise.resolve(item),
      );
      if (ahead.length >= EXTRACT_AHEAD) yield await ahead.shift()!;
    }
  }
  while (ahead.length > 0) yield await ahead.shift()!;
}
