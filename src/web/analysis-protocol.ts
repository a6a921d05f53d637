import type { Subgraph } from '../graph/subgraph.ts';
import type { NetworkMetrics } from '../metrics/compute-metrics.ts';

/** A point in cytoscape's model coordinates. */
export type Point = { x: number; y: number };

/** Messages the page sends its analysis workers. */
export type AnalysisRequest =
  | { id: number; kind: 'layout'; nodes: ({ id: string } & Point)[]; edges: [string, string][]; iterations: number }
  | { id: number; kind: 'metrics'; subgraph: Subgraph };

/** The workers' answers, with how long the work took inside the worker; a layout reports progress on the way. */
export type AnalysisReply =
  | { id: number; kind: 'layout'; positions: Record<string, Point>; ms: number }
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'metrics'; metrics: NetworkMetrics; ms: number };
