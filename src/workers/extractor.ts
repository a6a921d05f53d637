import type { ExtractionRecord, ReportInput } from '../extract/record/schema.ts';
import { createWorkerPool } from './worker-pool.ts';

/** Extracts reports in worker threads, each within a time limit. */
export type Extractor = {
  /** The report's record; rejects with `WorkTimeoutError` past the limit, `WorkerBusyError` when the queue is full. */
  extract(input: ReportInput): Promise<ExtractionRecord>;
  close(): Promise<void>;
};

export type ExtractorOptions = {
  /** Time limit of one report (`EXTRACT_TIMEOUT_MS`), waiting included. */
  timeoutMs: number;
  /** Threads extracting at once (default 1). */
  threads?: number;
  /** Reports that may wait for a thread (default 16). */
  maxQueue?: number;
};

/**
 * The extractor off the event loop: `extractReport` (the public entry of `src/extract/`) in
 * worker threads. A large report took the API's event loop for 28.5 s (4.5 MB) and the command
 * line for 111 s (9.5 MB); now the loop stays free and a report past the limit fails alone.
 */
export function createExtractor(options: ExtractorOptions): Extractor {
  const pool = createWorkerPool<ReportInput, ExtractionRecord>({
    module: new URL('./extract-worker.ts', import.meta.url),
    name: 'extracting the report',
    threads: options.threads ?? 1,
    maxQueue: options.maxQueue ?? 16,
    timeoutMs: options.timeoutMs,
    timeoutVariable: 'EXTRACT_TIMEOUT_MS',
  });
  return { extract: (input) => pool.run(input), close: () => pool.close() };
}
