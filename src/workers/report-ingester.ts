import type { ReportInput } from '../extract/record/schema.ts';
import type { DatabaseAddress } from '../graph/database.ts';
import type { LoadOutcome } from '../graph/load.ts';
import type { IngestResult, IngestTask } from './ingest-worker.ts';
import { reviveThreadFailure } from './thread-gateway.ts';
import { API_THREAD_NICENESS, createWorkerPool } from './worker-pool.ts';

/** Extracts and loads reports for the API, in a worker thread. */
export type ReportIngester = {
  /** What loading the report did, with the extractor's warnings. Rejects with `WorkTimeoutError`, `WorkerBusyError`, `DatabaseUnavailableError` or `QueryTimeoutError`. */
  ingest(input: ReportInput): Promise<LoadOutcome & { warnings: string[] }>;
  close(): Promise<void>;
};

export type ReportIngesterOptions = {
  address: DatabaseAddress;
  /** Time limit of extracting the report (`EXTRACT_TIMEOUT_MS`). */
  extractTimeoutMs: number;
  /** Time limit of its write transaction (`API_QUERY_TIMEOUT_MS`). */
  writeTimeoutMs: number;
  /** Reports that may wait for the thread (default 8); more are refused with `SERVER_BUSY`. */
  maxQueue?: number;
};

/**
 * `ingestReport`'s work off the event loop: one thread extracts and loads one report at a time
 * (a few more wait), the whole within the extraction's and the write's limits together; past that
 * the thread is stopped (and with it the open transaction, which Neo4j rolls back).
 */
export function createReportIngester(options: ReportIngesterOptions): ReportIngester {
  const pool = createWorkerPool<IngestTask, IngestResult>({
    module: new URL('./ingest-worker.ts', import.meta.url),
    name: 'extracting and loading the report',
    threads: 1,
    maxQueue: options.maxQueue ?? 8,
    timeoutMs: options.extractTimeoutMs + options.writeTimeoutMs,
    timeoutVariable: 'EXTRACT_TIMEOUT_MS + API_QUERY_TIMEOUT_MS',
    niceIncrement: API_THREAD_NICENESS,
  });
  return {
    async ingest(input) {
      const result = await pool.run({ address: options.address, input, writeTimeoutMs: options.writeTimeoutMs });
      if (!result.ok) throw reviveThreadFailure(result);
      const { ok: _ok, ...outcome } = result;
      return outcome;
    },
    close: () => pool.close(),
  };
}
