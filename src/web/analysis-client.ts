import type { Subgraph } from '../graph/subgraph.ts';
import type { NetworkMetrics } from '../metrics/compute-metrics.ts';
import type { AnalysisReply, AnalysisRequest } from './analysis-protocol.ts';

type Positions = Record<string, { x: number; y: number }>;
type Pending = { resolve: (reply: AnalysisReply) => void };

/** Talks to the analysis worker: each call is one request, answered by a promise. */
export type Analysis = {
  layout(nodes: { id: string; x: number; y: number }[], edges: [string, string][], iterations: number): Promise<{ positions: Positions; ms: number }>;
  measure(subgraph: Subgraph): Promise<{ metrics: NetworkMetrics; ms: number }>;
};

/** Starts the analysis worker (bundled by vite next to the page). */
export function startAnalysis(): Analysis {
  const worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<AnalysisReply>) => {
    pending.get(event.data.id)?.resolve(event.data);
    pending.delete(event.data.id);
  };
  const send = (request: AnalysisRequest) =>
    new Promise<AnalysisReply>((resolve) => {
      pending.set(request.id, { resolve });
      worker.postMessage(request);
    });
  return {
    async layout(nodes, edges, iterations) {
      const reply = await send({ id: nextId++, kind: 'layout', nodes, edges, iterations });
      if (reply.kind !== 'layout') throw new Error('analysis worker answered a layout with metrics');
      return { positions: reply.positions, ms: reply.ms };
    },
    async measure(subgraph) {
      const reply = await send({ id: nextId++, kind: 'metrics', subgraph });
      if (reply.kind !== 'metrics') throw new Error('analysis worker answered metrics with a layout');
      return { metrics: reply.metrics, ms: reply.ms };
    },
  };
}
