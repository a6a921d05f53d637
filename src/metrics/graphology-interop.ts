import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';

// These packages are CommonJS with `export default` typings. Under NodeNext, TypeScript
// types a default import of them as the whole module object, while Node's ESM loader
// and Vite both hand over `module.exports` itself — the function. Cast once, here.

/** Louvain community detection (graphology-communities-louvain). */
export const louvain = louvainModule as unknown as typeof louvainModule.default;
/** Betweenness centrality (graphology-metrics). */
export const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;
/** PageRank (graphology-metrics). */
export const pagerank = pagerankModule as unknown as typeof pagerankModule.default;
