import type { PlannedSelection } from '../export/selector.ts';
import type { ExportFormat, RenderOptions } from '../export/render-export.ts';
import { describeUnknownSelection } from '../export/read-selection.ts';
import type { UnknownSelection } from '../export/read-selection.ts';
import type { DatabaseAddress } from '../graph/database.ts';
import type { Subgraph } from '../graph/subgraph.ts';
import type { MetricsOptions } from '../metrics/compute-metrics.ts';
import type { AnalysisJob, AnalysisResult, AnalysisTask, ExportedFile, MeasuredNode } from './analysis-worker.ts';
import { reviveThreadFailure } from './thread-gateway.ts';
import { API_THREAD_NICENESS, createWorkerPool } from './worker-pool.ts';

export type { ExportedFile, MeasuredNode } from './analysis-worker.ts';

export type ExportOutcome = { nodeCount: number; edgeCount: number; file: ExportedFile };
export type MetricsOutcome = { nodeCount: number; edgeCount: number; communityCount: number; modularity: number; nodes: MeasuredNode[] };
/** A selection's nodes and edges, or only how many there are when the nodes are more than asked for at most. */
export type NetworkOutcome = { nodeCount: number; edgeCount: number; subgraph: Subgraph | null };

/** A selection named a centre or a province the graph does not have (the API answers `NOT_FOUND`). */
export class UnknownSelectionError extends Error {
  override name = 'UnknownSelectionError';
  constructor(readonly unknown: UnknownSelection) {
    super(describeUnknownSelection(unknown));
  }
}

/** How an export is measured and written (the defaults: actor relationships, CSV with a byte-order mark). */
export type ExportOptions = { metrics?: MetricsOptions; render?: RenderOptions };

/** Exports and network measures of any subgraph, computed in worker threads. */
export type Analyzer = {
  /** The subgraph as a file in one format, with each node's metrics. */
  exportFile(plan: PlannedSelection, format: ExportFormat, baseName: string, options?: ExportOptions): Promise<ExportOutcome>;
  /** The subgraph's measures and its `first` nodes, best first by `orderBy`. */
  measure(plan: PlannedSelection, orderBy: Extract<AnalysisJob, { kind: 'metrics' }>['orderBy'], first: number, options?: MetricsOptions): Promise<MetricsOutcome>;
  /** The subgraph itself, when it has at most `maxNodes` nodes (`subgraph` null otherwise). */
  network(plan: PlannedSelection, maxNodes: number): Promise<NetworkOutcome>;
  close(): Promise<void>;
};

export type AnalyzerOptions = {
  address: DatabaseAddress;
  /** Threads computing at once (`API_MAX_EXPORTS`). */
  threads: number;
  /** Time limit of one export or measure, waiting included (`API_EXPORT_TIMEOUT_MS`). */
  timeoutMs: number;
  /** Time limit of each database read inside it (`API_QUERY_TIMEOUT_MS`). */
  readTimeoutMs: number;
  /** Tasks that may wait for a thread (default 4 per thread); more are refused. */
  maxQueue?: number;
};

/**
 * Runs exports and network measures off the event loop, at most `threads` at once, each within
 * `timeoutMs`. While one runs, the API keeps answering: the whole-graph GraphML export of 2,029
 * reports froze it for 12.9 s, the metrics of the same graph for 8.7 s.
 * Rejects with `UnknownSelectionError`, `WorkTimeoutError`, `WorkerBusyError`, `DatabaseUnavailableError` or
 * `QueryTimeoutError`.
 */
export function createAnalyzer(options: AnalyzerOptions): Analyzer {
  const pool = createWorkerPool<AnalysisTask, AnalysisResult>({
    module: new URL('./analysis-worker.ts', import.meta.url),
    name: 'the export',
    threads: options.threads,
    maxQueue: options.maxQueue ?? 4 * options.threads,
    timeoutMs: options.timeoutMs,
    timeoutVariable: 'API_EXPORT_TIMEOUT_MS',
    niceIncrement: API_THREAD_NICENESS,
  });
  const run = async (plan: PlannedSelection, job: AnalysisJob): Promise<AnalysisResult & { ok: true }> => {
    const result = await pool.run({ address: options.address, readTimeoutMs: options.readTimeoutMs, plan, job });
    if (result.ok) return result;
    if (result.error === 'unknown') throw new UnknownSelectionError(result.unknown);
    throw reviveThreadFailure(result);
  };
  return {
    async exportFile(plan, format, baseName, exportOptions = {}) {
      const result = await run(plan, { kind: 'export', format, baseName, metrics: exportOptions.metrics ?? {}, render: exportOptions.render ?? {} });
      if (result.kind !== 'export') throw new Error('the export worker answered something else than a file');
      return { nodeCount: result.nodeCount, edgeCount: result.edgeCount, file: result.file };
    },
    async measure(plan, orderBy, first, metrics = {}) {
      const result = await run(plan, { kind: 'metrics', orderBy, first, metrics });
      if (result.kind !== 'metrics') throw new Error('the export worker answered something else than a measure');
      const { ok: _ok, kind: _kind, ...outcome } = result;
      return outcome;
    },
    async network(plan, maxNodes) {
      const result = await run(plan, { kind: 'network', maxNodes });
      if (result.kind !== 'network') throw new Error('the export worker answered something else than a network');
      return { nodeCount: result.nodeCount, edgeCount: result.edgeCount, subgraph: result.subgraph };
    },
    close: () => pool.close(),
  };
}
