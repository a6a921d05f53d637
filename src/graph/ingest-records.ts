import createDebug from 'debug';
import type { ExtractionRecord } from '../extract/record/schema.ts';
import { DatabaseUnavailableError } from './gateway.ts';
import { reportKey } from './keys.ts';
import { loadRecordGroup } from './load.ts';
import type { GraphWriter, LoadStatus } from './load.ts';
import type { RecordResult } from './read-records.ts';

const log = createDebug('hoptac:graph:ingest');

/** What an ingest did, report by report; `failed` says which and why. */
export type IngestSummary = {
  loaded: number;
  unchanged: number;
  replaced: number;
  failed: { file: string; reason: string }[];
  /** What the input holds that is no report (a file a folder scan passes by, a listing page, a page robots.txt keeps hoptac from), with why. */
  skipped: { file: string; reason: string }[];
  /** Relations of loaded records that were not loaded, each named (their ends are not entities of the record). */
  dropped: { file: string; relation: string }[];
  /** Sum of the write counters of every statement (nodes, relationships, properties, labels). */
  writes: number;
  seconds: number;
};

/** Progress after each report (a group's reports are reported when it commits): how many are done and how fast. */
export type IngestProgress = { done: number; failed: number; writes: number; seconds: number };

export type IngestOptions = {
  /** Write transactions in flight at once (default 2). */
  concurrency?: number;
  /** Reports per write transaction (default 50; 1 writes each report in its own transaction). */
  groupSize?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Read the paths as extraction records (`.jsonl`) instead of reports to extract. */
  records?: boolean;
  /** Called as each report is settled (written, found unchanged, skipped or failed), with its `file`. */
  onSettled?: (file: string, status: LoadStatus | 'skipped' | 'failed') => void;
};

export const DEFAULT_INGEST_CONCURRENCY = 2;
export const DEFAULT_GROUP_SIZE = 50;

/**
 * Loads records from any source, `groupSize` reports per write transaction and `concurrency`
 * transactions at once. Each report is written whole or not at all: a group that fails is rolled
 * back whole and its reports are loaded again one per transaction, so a bad report fails alone,
 * leaves nothing behind and does not keep the others out. An unreachable database stops the
 * ingest (every report would fail the same way) and is thrown after the groups in flight end.
 */
export async function ingestRecords(
  gateway: GraphWriter,
  source: AsyncIterable<RecordResult> | Iterable<RecordResult>,
  opts: Omit<IngestOptions, 'records'> = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { loaded: 0, unchanged: 0, replaced: 0, failed: [], skipped: [], dropped: [], writes: 0, seconds: 0 };
  const groupSize = Math.max(1, opts.groupSize ?? DEFAULT_GROUP_SIZE);
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  let fatal: unknown = null;
  const progress = (reports: number): void => {
    summary.seconds = (performance.now() - started) / 1000;
    for (let i = 0; i < reports; i++) {
      done++;
      opts.onProgress?.({ done, failed: summary.failed.length, writes: summary.writes, seconds: summary.seconds });
    }
  };
  const fail = (file: string, error: unknown): void => {
    if (error instanceof DatabaseUnavailableError) fatal ??= error;
    summary.failed.push({ file, reason: (error as Error).message });
    opts.onSettled?.(file, 'failed');
    log('failed %s: %s', file, (error as Error).message);
  };
  const loadGroup = async (group: ExtractionRecord[]): Promise<void> => {
    try {
      const outcome = await loadRecordGroup(gateway, group);
      for (const [i, { status }] of outcome.reports.entries()) {
        summary[status]++;
        const record = group[i];
        if (record) opts.onSettled?.(record.document.file, status);
      }
      summary.writes += outcome.writes;
      progress(group.length);
      return;
    } catch (error) {
      if (group.length === 1 || error instanceof DatabaseUnavailableError) {
        for (const record of group) fail(record.document.file, error);
        progress(group.length);
        return;
      }
      log('group of %d failed (%s); loading its reports one by one', group.length, (error as Error).message);
    }
    for (const record of group) {
      if (fatal) break;
      await loadGroup([record]);
    }
  };
  /** Keys of the reports in groups not yet written. */
  const pending = new Set<string>();
  const dispatch = async (group: ExtractionRecord[], keys: Set<string>): Promise<void> => {
    if (group.length === 0) return;
    const task = loadGroup(group).finally(() => {
      inFlight.delete(task);
      for (const key of keys) pending.delete(key);
    });
    inFlight.add(task);
    if (inFlight.size >= (opts.concurrency ?? DEFAULT_INGEST_CONCURRENCY)) await Promise.race(inFlight);
  };

  let group: ExtractionRecord[] = [];
  let keys = new Set<string>();
  for await (const item of source) {
    if (fatal) break;
    if (!item.ok) {
      summary[item.skipped ? 'skipped' : 'failed'].push({ file: item.file, reason: item.reason });
      opts.onSettled?.(item.file, item.skipped ? 'skipped' : 'failed');
      progress(1);
      continue;
    }
    for (const relation of item.dropped ?? []) summary.dropped.push({ file: item.record.document.file, relation });
    const key = reportKey(item.record.document);
    // A report seen twice (a corrected version later in the input) waits until the first one is
    // written, so the later version is the one that stays.
    if (pending.has(key)) {
      await dispatch(group, keys);
      group = [];
      keys = new Set();
      await Promise.all(inFlight);
    }
    group.push(item.record);
    keys.add(key);
    pending.add(key);
    if (group.length >= groupSize) {
      await dispatch(group, keys);
      group = [];
      keys = new Set();
    }
  }
  if (!fatal) await dispatch(group, keys);
  await Promise.all(inFlight);
  if (fatal) throw fatal;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
