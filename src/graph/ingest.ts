import { extractReport } from '../extract/extract.ts';
import { readReports } from '../io/read-reports.ts';
import type { ReadResult } from '../io/read-reports.ts';
import { cypher } from './cypher.ts';
import type { Gateway } from './gateway.ts';
import { ingestRecords } from './ingest-records.ts';
import type { IngestOptions, IngestSummary } from './ingest-records.ts';
import type { GraphWriter } from './load.ts';
import { readRecordFiles } from './read-records.ts';
import type { RecordResult } from './read-records.ts';

export { DEFAULT_GROUP_SIZE, DEFAULT_INGEST_CONCURRENCY, ingestRecords } from './ingest-records.ts';
export type { IngestOptions, IngestProgress, IngestSummary } from './ingest-records.ts';

/**
 * Extracts and loads every report under `paths` (files or folders of `.txt`, `.jsonl`, saved
 * pages and feeds), in groups per write transaction (see `ingestRecords`). A report that cannot
 * be read, extracted or loaded is listed in `failed` and leaves nothing behind; the others load.
 * An unreachable database stops the ingest (every report would fail the same way).
 */
export async function ingestPaths(gateway: GraphWriter, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  return ingestRecords(gateway, opts.records ? readRecordFiles(paths) : extractReports(readReports(paths)), opts);
}

/** Extracts and loads the reports of any source (files, the web: `src/io`), as `ingestPaths` does. */
export async function ingestReports(gateway: GraphWriter, source: AsyncIterable<ReadResult>, opts: Omit<IngestOptions, 'records'> = {}): Promise<IngestSummary> {
  return ingestRecords(gateway, extractReports(source), opts);
}

/** True when no report is loaded yet (the gazetteer's provinces alone leave it "empty"). */
export async function isGraphEmpty(gateway: Pick<Gateway, 'read'>): Promise<boolean> {
  const result = await gateway.read((tx) => tx.run(cypher('ingest/any-report')));
  return result.records[0]?.get('loaded') !== true;
}

async function* extractReports(source: AsyncIterable<ReadResult>): AsyncGenerator<RecordResult> {
  for await (const item of source) {
    if (!item.ok) {
      yield item;
      continue;
    }
    try {
      yield { ok: true, record: extractReport(item.input) };
    } catch (error) {
      yield { ok: false, file: item.input.file, reason: `extraction failed: ${(error as Error).message}` };
    }
  }
}
