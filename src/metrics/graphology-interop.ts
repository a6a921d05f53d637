import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import * as indexedBrandesModule from 'graphology-shortest-path/indexed-brandes.js';
import type { UndirectedGraph } from 'graphology';

// These packages are CommonJS with `export default` typings. Under NodeNext, TypeScript
// types a default import of them as the whole module object, while Node's ESM loader
// and Vite both hand over `module.exports` itself — the function. Cast once, here.

/** Louvain community detection (graphology-communities-louvain). */
export const louvain = louvainModule as unknown as typeof louvainModule.default;
/** Betweenness centrality (graphology-metrics). */
export const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;
/** PageRank (graphology-metrics). */
export const pagerank = pagerankModule as unknown as typeof pagerankModule.default;

/** Brandes' single-source walk over an indexed graph (graphology-shortest-path): what betweenness repeats from every node. */
export const createUnweightedIndexedBrandes = indexedBrandesModule.createUnweightedIndexedBrandes as unknown as (graph: UndirectedGraph) => IndexedBrandes;

/** One walk's nodes in order of distance, each node's predecessors and its number of shortest paths; and the index back to node keys. */
export type IndexedBrandes = ((source: number) => [{ size: number; pop(): number | undefined }, number[][], Uint32Array]) & {
  index: { collect(values: Float64Array): Record<string, number> };
};
