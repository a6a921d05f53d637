import { extractReport } from '../extract/extract.ts';
import { readReports } from '../io/read-reports.ts';
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
 * Extracts and loads every report under `paths` (files or folders of `.txt`/`.jsonl`),
 * in groups per write transaction (see `ingestRecords`). A report that cannot be read, extracted
 * or loaded is listed in `failed` and leaves nothing behind; the others load. An
 * unreachable database stops the ingest (every report would fail the same way).
 */
export async function ingestPaths(gateway: GraphWriter, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  return ingestRecords(gateway, opts.records ? readRecordFiles(paths) : extractReports(paths), opts);
}

/** True when no report is loaded yet (the gazetteer's provinces alone leave it "empty"). */
export async function isGraphEmpty(gateway: Pick<Gateway, 'read'>): Promise<boolean> {
  const result = await gateway.read((tx) => tx.run(cypher('ingest/any-report')));
  return result.records[0]?.get('loaded') !== true;
}

async function* extractReports(paths: string[]): AsyncGenerator<RecordResult> {
  for await (const item of readReports(paths)) {
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
