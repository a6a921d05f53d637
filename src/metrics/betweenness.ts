import type { UndirectedGraph } from 'graphology';
import { betweennessCentrality, createUnweightedIndexedBrandes } from './graphology-interop.ts';

/**
 * Betweenness centrality that stays affordable on a whole graph. Exact betweenness (Brandes) walks
 * the graph once from every node: the whole graph of 10,000 reports (21,720 nodes, 75,316 edges)
 * took 102 s. Up to `EXACT_BETWEENNESS_MAX_NODES` nodes it is exact (graphology-metrics); above,
 * it is estimated from `BETWEENNESS_SOURCES` source nodes picked with the given random source
 * (Brandes & Pich, "Centrality estimation in large networks", 2007): the same walks from fewer
 * sources, scaled by nodes / sources. About 5 s for that graph; the ranking of the central
 * nodes, which is what exports and the network page use it for, holds.
 */

/** Largest subgraph whose betweenness is computed exactly (about a second on the development machine). */
export const EXACT_BETWEENNESS_MAX_NODES = 2000;
/** Sources the estimate walks from on larger subgraphs. */
export const BETWEENNESS_SOURCES = 1000;

/** Normalised betweenness (0…1) of every node of an undirected graph; `random` draws in [0, 1). */
export function computeBetweenness(graph: UndirectedGraph, random: () => number): Record<string, number> {
  if (graph.order <= EXACT_BETWEENNESS_MAX_NODES) return betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
  return estimateBetweenness(graph, pickSources(graph.order, BETWEENNESS_SOURCES, random));
}

/** `count` distinct indexes below `order` (a partial Fisher–Yates shuffle). */
function pickSources(order: number, count: number, random: () => number): number[] {
  const indexes = Array.from({ length: order }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (order - i));
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
  }
  return indexes.slice(0, count);
}

/** Brandes' accumulation from the given sources only, scaled to the whole graph and normalised as graphology does. */
function estimateBetweenness(graph: UndirectedGraph, sources: number[]): Record<string, number> {
  const brandes = createUnweightedIndexedBrandes(graph);
  const order = graph.order;
  const delta = new Float64Array(order);
  const centralities = new Float64Array(order);
  for (const source of sources) {
    const [S, P, sigma] = brandes(source);
    delta.fill(0);
    while (S.size !== 0) {
      const w = S.pop()!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of P[w]!) delta[v]! += sigma[v]! * coefficient;
      if (w !== source) centralities[w]! += delta[w]!;
    }
  }
  const scale = order / sources.length / ((order - 1) * (order - 2));
  for (let i = 0; i < order; i++) centralities[i]! *= scale;
  return brandes.index.collect(centralities);
}
