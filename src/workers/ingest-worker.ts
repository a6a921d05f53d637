import type { ReportInput } from '../extract/record/schema.ts';
import type { DatabaseAddress } from '../graph/database.ts';
import { loadRecord } from '../graph/load.ts';
import type { LoadOutcome } from '../graph/load.ts';
import extract from './extract-worker.ts';
import { describeThreadFailure, threadGateway } from './thread-gateway.ts';
import type { ThreadFailure } from './thread-gateway.ts';

/**
 * A worker thread's task (see `report-ingester.ts`): extract one report and load its record with
 * this thread's own driver. Both happen here because both are long for a large report: a 4.5 MB
 * text took 27 s to extract, and its record then cost the main thread 0.17 s to receive and
 * 0.45 s to turn into the load statement's rows.
 */
export type IngestTask = { address: DatabaseAddress; input: ReportInput; writeTimeoutMs: number };
export type IngestResult = ({ ok: true; warnings: string[] } & LoadOutcome) | ThreadFailure;

export default async function ingest(task: IngestTask): Promise<IngestResult> {
  const record = extract(task.input);
  try {
    const outcome = await loadRecord(await threadGateway(task.address), record, { timeoutMs: task.writeTimeoutMs });
    return { ok: true, ...outcome, warnings: record.warnings };
  } catch (error) {
    return describeThreadFailure(error);
  }
}
