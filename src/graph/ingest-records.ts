import createDebug from 'debug';
import type { ExtractionRecord } from '../extract/record.ts';
import { DatabaseUnavailableError } from './gateway.ts';
import { loadRecord } from './load.ts';
import type { GraphWriter } from './load.ts';
import type { RecordResult } from './read-records.ts';

const log = createDebug('hoptac:graph:ingest');

/** What an ingest did, report by report; `failed` says which and why. */
export type IngestSummary = {
  loaded: number;
  unchanged: number;
  replaced: number;
  failed: { file: string; reason: string }[];
  /** Sum of the write counters of every statement (nodes, relationships, properties, labels). */
  writes: number;
  seconds: number;
};

/** Progress after each report: how many are done and how fast. */
export type IngestProgress = { done: number; failed: number; writes: number; seconds: number };

export type IngestOptions = {
  /** Reports loaded at once, each in its own transaction (default 6). */
  concurrency?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Read the paths as extraction records (`.jsonl`) instead of reports to extract. */
  records?: boolean;
};

/** Loads records from any source with the same concurrency, accounting and progress as `ingestPaths`. */
export async function ingestRecords(
  gateway: GraphWriter,
  source: AsyncIterable<RecordResult> | Iterable<RecordResult>,
  opts: Omit<IngestOptions, 'records'> = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { loaded: 0, unchanged: 0, replaced: 0, failed: [], writes: 0, seconds: 0 };
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  let fatal: unknown = null;
  const report = (): void => {
    done++;
    summary.seconds = (performance.now() - started) / 1000;
    opts.onProgress?.({ done, failed: summary.failed.length, writes: summary.writes, seconds: summary.seconds });
  };
  const load = async (record: ExtractionRecord): Promise<void> => {
    try {
      const outcome = await loadRecord(gateway, record);
      summary[outcome.status]++;
      summary.writes += outcome.writes;
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) fatal ??= error;
      summary.failed.push({ file: record.document.file, reason: (error as Error).message });
      log('failed %s: %s', record.document.file, (error as Error).message);
    }
    report();
  };

  for await (const item of source) {
    if (fatal) break;
    if (!item.ok) {
      summary.failed.push({ file: item.file, reason: item.reason });
      report();
      continue;
    }
    const task = load(item.record).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= (opts.concurrency ?? 6)) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (fatal) throw fatal;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

