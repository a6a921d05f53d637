import type { Subgraph } from '../graph/subgraph.ts';
import type { NetworkMetrics } from '../metrics/compute-metrics.ts';

/** Messages the page sends its analysis worker. */
export type AnalysisRequest =
  | { id: number; kind: 'layout'; nodes: { id: string; x: number; y: number }[]; edges: [string, string][]; iterations: number }
  | { id: number; kind: 'metrics'; subgraph: Subgraph };

/** The worker's answers, with how long the work took inside the worker. */
export type AnalysisReply =
  | { id: number; kind: 'layout'; positions: Record<string, { x: number; y: number }>; ms: number }
  | { id: number; kind: 'metrics'; metrics: NetworkMetrics; ms: number };
