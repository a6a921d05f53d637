import { Piscina } from 'piscina';
import { readSelection } from '../export/read-selection.ts';
import type { UnknownSelection } from '../export/read-selection.ts';
import type { PlannedSelection } from '../export/selector.ts';
import { renderTable } from '../export/render-export.ts';
import type { ExportFormat, RenderOptions } from '../export/render-export.ts';
import { tabulateNetwork } from '../export/network-table.ts';
import type { DatabaseAddress } from '../graph/database.ts';
import type { Subgraph, SubgraphNode } from '../graph/subgraph.ts';
import { computeMetrics } from '../metrics/compute-metrics.ts';
import type { MetricsOptions, NodeMetrics } from '../metrics/compute-metrics.ts';
import { describeThreadFailure, threadGateway } from './thread-gateway.ts';
import type { ThreadFailure } from './thread-gateway.ts';

/**
 * A worker thread's task (see `analyzer.ts`): read a subgraph with this thread's own driver, then
 * measure it or render it as a file. Reading (thousands of rows parsed), the metrics (betweenness
 * grows with nodes × edges) and the writers took the API's event loop for 8.7–14 s on the whole
 * graph of 2,029 reports; here they take a thread.
 */

export type AnalysisJob =
  | { kind: 'export'; format: ExportFormat; baseName: string; metrics: MetricsOptions; render: RenderOptions }
  | { kind: 'metrics'; orderBy: keyof Omit<NodeMetrics, 'community'>; first: number; metrics: MetricsOptions }
  | { kind: 'network'; maxNodes: number };
export type AnalysisTask = { address: DatabaseAddress; readTimeoutMs: number; plan: PlannedSelection; job: AnalysisJob };

export type ExportedFile = { format: ExportFormat; fileName: string; mediaType: string; bytes: Uint8Array };
export type MeasuredNode = NodeMetrics & { node: SubgraphNode };
export type AnalysisResult =
  | { ok: true; kind: 'export'; nodeCount: number; edgeCount: number; file: ExportedFile }
  | { ok: true; kind: 'metrics'; nodeCount: number; edgeCount: number; communityCount: number; modularity: number; nodes: MeasuredNode[] }
  | { ok: true; kind: 'network'; nodeCount: number; edgeCount: number; subgraph: Subgraph | null }
  | { ok: false; error: 'unknown'; unknown: UnknownSelection }
  | ThreadFailure;

export default async function analyse(task: AnalysisTask): Promise<AnalysisResult | ReturnType<typeof Piscina.move>> {
  try {
    const gateway = await threadGateway(task.address);
    const read = await readSelection(gateway, task.plan, { timeoutMs: task.readTimeoutMs });
    if (!read.ok) return { ok: false, error: 'unknown', unknown: read.unknown };
    const { subgraph } = read;
    const counts = { nodeCount: subgraph.nodes.length, edgeCount: subgraph.edges.length };
    // A network past the bound is not sent back: the main thread would have to take it in and answer it field by field.
    if (task.job.kind === 'network') return { ok: true, kind: 'network', ...counts, subgraph: counts.nodeCount > task.job.maxNodes ? null : subgraph };
    const metrics = computeMetrics(subgraph, task.job.metrics);
    if (task.job.kind === 'metrics') {
      const measure = task.job.orderBy;
      const nodes = subgraph.nodes
        .map((node) => ({ node, ...metrics.nodes.get(node.id)! }))
        .sort((a, b) => b[measure] - a[measure] || a.node.id.localeCompare(b.node.id))
        .slice(0, task.job.first);
      return { ok: true, kind: 'metrics', ...counts, communityCount: metrics.communityCount, modularity: metrics.modularity, nodes };
    }
    const file = renderTable(tabulateNetwork(subgraph, metrics), task.job.format, task.job.baseName, task.job.render);
    // Its own buffer (not a slice of Node's shared pool), so it can be moved.
    const bytes = new TextEncoder().encode(file.content);
    const result: AnalysisResult = { ok: true, kind: 'export', ...counts, file: { format: file.format, fileName: file.fileName, mediaType: file.mediaType, bytes } };
    // The file's bytes move to the main thread instead of being copied.
    return Piscina.move({ [Piscina.transferableSymbol]: bytes.buffer, [Piscina.valueSymbol]: result } as never);
  } catch (error) {
    return describeThreadFailure(error);
  }
}
