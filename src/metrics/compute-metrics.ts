import { UndirectedGraph } from 'graphology';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Subgraph, SubgraphEdge } from '../graph/subgraph.ts';
import { computeBetweenness } from './betweenness.ts';
import { louvain, pagerank } from './graphology-interop.ts';

/** Network measures of one node, relative to the subgraph they were computed on. */
export type NodeMetrics = {
  /** Relationships touching the node in the measured network (parallel ones counted each). */
  degree: number;
  /** PageRank on the undirected, weighted projection; sums to 1 over the subgraph. */
  pagerank: number;
  /** Normalised betweenness centrality (0…1) on the undirected projection; estimated above 2,000 nodes (see `betweenness.ts`). */
  betweenness: number;
  /** Louvain community number; 0 is the largest community. */
  community: number;
};

/** Metrics of every node of a subgraph, plus the modularity of the partition. */
export type NetworkMetrics = {
  nodes: Map<string, NodeMetrics>;
  communityCount: number;
  modularity: number;
};

type Weighted = { weight: number };

/**
 * Relationships of place and provenance rather than of actors: an entity's province, a province's
 * 2025 merger, a report naming an entity. Left out of the measures unless asked for: over the whole
 * graph they made nine provinces and the national alliance PageRank's top ten, and tied 41 of 63
 * provinces to the rest by MERGED_INTO alone.
 */
export const STRUCTURAL_RELATION_TYPES: readonly string[] = ['LOCATED_IN', 'MERGED_INTO', 'MENTIONS'];

/** How to measure: over actor relationships only (the default), or with the structural ones too. */
export type MetricsOptions = { includeStructural?: boolean };

const louvainSeed = 20240104;
const betweennessSeed = 20250701;

/** Draws in [0, 1) from a seeded generator, so the same subgraph always gets the same measures. */
function seededRandom(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

/**
 * Computes degree, PageRank, betweenness and Louvain communities of a subgraph.
 * Every node is measured, over the actors' relationships only unless `includeStructural`
 * (`STRUCTURAL_RELATION_TYPES` are left out: a province tied only by them has degree 0).
 * Direction is dropped and parallel relationships become one weighted link: an
 * official who attended and spoke at a meeting is tied to it, not twice as central.
 * Louvain runs with a fixed seed so the same subgraph always gets the same communities.
 */
export function computeMetrics(subgraph: Subgraph, options: MetricsOptions = {}): NetworkMetrics {
  const measured = options.includeStructural ? subgraph : { nodes: subgraph.nodes, edges: subgraph.edges.filter(isActorRelation) };
  const graph = projectUndirected(measured);
  if (graph.order === 0) return { nodes: new Map(), communityCount: 0, modularity: 0 };
  const degree = countDegrees(measured);
  const ranks = graph.size > 0 ? pagerank(graph, { getEdgeWeight: 'weight' }) : uniformRanks(graph);
  const between = computeBetweenness(graph, seededRandom(betweennessSeed));
  const partition = graph.size > 0 ? detectCommunities(graph) : { communities: {}, modularity: 0 };
  const numbering = numberCommunitiesBySize(partition.communities);

  const nodes = new Map<string, NodeMetrics>();
  // Without any link Louvain has nothing to group: every node is its own community.
  graph.forEachNode((id) => {
    nodes.set(id, {
      degree: degree.get(id) ?? 0,
      pagerank: ranks[id] ?? 0,
      betweenness: between[id] ?? 0,
      community: numbering.get(partition.communities[id] ?? -1) ?? nodes.size,
    });
  });
  const communityCount = new Set([...nodes.values()].map((m) => m.community)).size;
  return { nodes, communityCount, modularity: partition.modularity };
}

function isActorRelation(edge: SubgraphEdge): boolean {
  return !STRUCTURAL_RELATION_TYPES.includes(edge.type);
}

function projectUndirected(subgraph: Subgraph): UndirectedGraph<Record<string, never>, Weighted> {
  const graph = new UndirectedGraph<Record<string, never>, Weighted>({ allowSelfLoops: false });
  for (const node of subgraph.nodes) graph.mergeNode(node.id);
  for (const edge of subgraph.edges) {
    if (edge.source === edge.target) continue;
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.updateEdge(edge.source, edge.target, (attributes) => ({ weight: (attributes.weight ?? 0) + 1 }));
  }
  return graph;
}

function countDegrees(subgraph: Subgraph): Map<string, number> {
  const ids = new Set(subgraph.nodes.map((node) => node.id));
  const degree = new Map<string, number>();
  for (const edge of subgraph.edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target)) continue;
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return degree;
}

function uniformRanks(graph: UndirectedGraph): Record<string, number> {
  const ranks: Record<string, number> = {};
  graph.forEachNode((id) => {
    ranks[id] = 1 / graph.order;
  });
  return ranks;
}

function detectCommunities(graph: UndirectedGraph<Record<string, never>, Weighted>): {
  communities: Record<string, number>;
  modularity: number;
} {
  const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(louvainSeed) });
  return { communities: detailed.communities, modularity: detailed.modularity };
}

/** Renumbers communities 0, 1, 2 … from the largest down, ties broken by first member id. */
function numberCommunitiesBySize(communities: Record<string, number>): Map<number, number> {
  const members = new Map<number, string[]>();
  for (const [id, community] of Object.entries(communities)) {
    const list = members.get(community) ?? [];
    list.push(id);
    members.set(community, list);
  }
  const ordered = [...members.entries()]
    .map(([community, ids]) => ({ community, size: ids.length, first: ids.sort()[0] ?? '' }))
    .sort((a, b) => b.size - a.size || a.first.localeCompare(b.first));
  return new Map(ordered.map((entry, index) => [entry.community, index]));
}
