import type { ExtractionRecord, ReportInput } from '../extract/record/schema.ts';
import { extractReports } from '../io/extract-reports.ts';
import { readReports } from '../io/read-reports.ts';
import type { ReadResult } from '../io/read-reports.ts';
import type { ReportLimits } from '../io/report-checks.ts';
import { cypher } from './cypher.ts';
import type { Gateway } from './gateway.ts';
import { ingestRecords } from './ingest-records.ts';
import type { IngestOptions, IngestSummary } from './ingest-records.ts';
import type { GraphWriter } from './load.ts';
import { readRecordFiles } from './read-records.ts';

export { DEFAULT_GROUP_SIZE, DEFAULT_INGEST_CONCURRENCY, ingestRecords } from './ingest-records.ts';
export type { IngestOptions, IngestProgress, IngestSummary } from './ingest-records.ts';

/** How `ingestPaths` reads and extracts reports (defaults: the default limits, extraction on this thread). */
export type IngestPathOptions = IngestOptions & {
  /** Per-report limits (`REPORT_MAX_BYTES`). */
  limits?: ReportLimits;
  /** Extracts one report, e.g. in a worker thread with a time limit (`createExtractor`); a rejection fails that report alone. */
  extract?: (input: ReportInput) => Promise<ExtractionRecord>;
};

/**
 * Extracts and loads every report under `paths` (files or folders of `.txt`, `.jsonl`, saved
 * pages and feeds), in groups per write transaction (see `ingestRecords`). A report that cannot
 * be read, extracted or loaded is listed in `failed` and leaves nothing behind; the others load;
 * what is no report is listed in `skipped`. An unreachable database stops the ingest (every
 * report would fail the same way).
 */
export async function ingestPaths(gateway: GraphWriter, paths: string[], opts: IngestPathOptions = {}): Promise<IngestSummary> {
  const { limits, extract, ...ingest } = opts;
  if (ingest.records) return ingestRecords(gateway, readRecordFiles(paths, limits), ingest);
  return ingestRecords(gateway, extractReports(readReports(paths, limits), { ...(limits ? { limits } : {}), ...(extract ? { extract } : {}) }), ingest);
}

/** Extracts and loads the reports of any source (files, the web: `src/io`), as `ingestPaths` does. */
export async function ingestReports(gateway: GraphWriter, source: AsyncIterable<ReadResult>, opts: Omit<IngestPathOptions, 'records'> = {}): Promise<IngestSummary> {
  const { limits, extract, ...ingest } = opts;
  return ingestRecords(gateway, extractReports(source, { ...(limits ? { limits } : {}), ...(extract ? { extract } : {}) }), ingest);
}

/** True when no report is loaded yet (the gazetteer's provinces alone leave it "empty"). */
export async function isGraphEmpty(gateway: Pick<Gateway, 'read'>): Promise<boolean> {
  const result = await gateway.read((tx) => tx.run(cypher('ingest/any-report')));
  return result.records[0]?.get('loaded') !== true;
}
