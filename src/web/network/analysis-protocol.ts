import type { Subgraph } from '../../graph/subgraph.ts';
import type { NetworkMetrics } from '../../metrics/compute-metrics.ts';

/** A point in the network's layout coordinates. */
export type Point = { x: number; y: number };

/**
 * How the network is laid out: by forces (ForceAtlas2: linked nodes close, hubs apart), on a
 * circle (ordered by group), or packed in circles per group (entity type or community).
 */
export const LAYOUTS = ['forceatlas2', 'circle', 'types', 'communities'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** A node to lay out: where it starts and the group it belongs to (its type or its community). */
export type LayoutNode = { id: string; group: string } & Point;

/** Messages the page sends its analysis workers. */
export type AnalysisRequest =
  | { id: number; kind: 'layout'; layout: LayoutName; nodes: LayoutNode[]; edges: [string, string][]; iterations: number }
  | { id: number; kind: 'metrics'; subgraph: Subgraph };

/** The workers' answers, with how long the work took inside the worker; a layout reports progress on the way. */
export type AnalysisReply =
  | { id: number; kind: 'layout'; positions: Record<string, Point>; ms: number }
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'metrics'; metrics: NetworkMetrics; ms: number };
