import type { Subgraph } from '../../graph/subgraph.ts';
import type { NetworkMetrics } from '../../metrics/compute-metrics.ts';
import type { AnalysisReply, AnalysisRequest, LayoutName, LayoutNode, Point } from './analysis-protocol.ts';

/** Talks to the analysis workers: each call is one request, answered by a promise. */
export type Analysis = {
  /** A layout from the given positions; `onProgress` hears how many ForceAtlas2 iterations are done. */
  layout(
    layout: LayoutName,
    nodes: LayoutNode[],
    edges: [string, string][],
    iterations: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ positions: Record<string, Point>; ms: number }>;
  measure(subgraph: Subgraph): Promise<{ metrics: NetworkMetrics; ms: number }>;
};

type Send = (request: AnalysisRequest, onProgress?: (done: number, total: number) => void) => Promise<AnalysisReply>;

/**
 * Starts two analysis workers (bundled by vite next to the page): one lays out, the other
 * measures, so a large network's layout never queues behind its metrics or the other way round.
 */
export function startAnalysis(): Analysis {
  const layouts = connect(spawnWorker());
  const measures = connect(spawnWorker());
  let nextId = 1;
  return {
    async layout(layout, nodes, edges, iterations, onProgress) {
      const reply = await layouts({ id: nextId++, kind: 'layout', layout, nodes, edges, iterations }, onProgress);
      if (reply.kind !== 'layout') throw new Error(`analysis worker answered a layout with ${reply.kind}`);
      return { positions: reply.positions, ms: reply.ms };
    },
    async measure(subgraph) {
      const reply = await measures({ id: nextId++, kind: 'metrics', subgraph: slimmed(subgraph) });
      if (reply.kind !== 'metrics') throw new Error(`analysis worker answered metrics with ${reply.kind}`);
      return { metrics: reply.metrics, ms: reply.ms };
    },
  };
}

function spawnWorker(): Worker {
  return new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
}

function connect(worker: Worker): Send {
  const pending = new Map<number, { resolve: (reply: AnalysisReply) => void; onProgress?: (done: number, total: number) => void }>();
  worker.onmessage = (event: MessageEvent<AnalysisReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (reply.kind === 'progress') return waiting?.onProgress?.(reply.done, reply.total);
    waiting?.resolve(reply);
    pending.delete(reply.id);
  };
  return (request, onProgress) =>
    new Promise<AnalysisReply>((resolve) => {
      pending.set(request.id, { resolve, ...(onProgress ? { onProgress } : {}) });
      worker.postMessage(request);
    });
}

/** Metrics need the shape of the network only: evidence and attributes stay on the page instead of being copied. */
function slimmed(subgraph: Subgraph): Subgraph {
  return {
    nodes: subgraph.nodes,
    edges: subgraph.edges.map((edge) => ({ id: edge.id, type: edge.type, source: edge.source, target: edge.target, attributes: {}, evidence: [] })),
  };
}
