import type { Subgraph, SubgraphEdge, SubgraphNode } from '../../../src/graph/subgraph.ts';
import { generateCorpus } from '../../../src/generate/corpus.ts';
import { buildLoadPlan } from '../../../src/graph/load-plan.ts';

/**
 * The graph a generated corpus makes, built from its load plans without a database: the nodes
 * and relationships the loader would merge (plus each entity's LOCATED_IN link to its province),
 * shaped like the API's subgraphs. Evidence is left out: the network page does not draw it.
 */
export function generateGraph(reports: number, seed: number): Subgraph {
  const nodes = new Map<string, SubgraphNode>();
  const edges = new Map<string, SubgraphEdge>();
  const link = (type: string, source: string, target: string, identity = '') => {
    const id = `${type}:${source}->${target}${identity ? `:${identity}` : ''}`;
    edges.set(id, { id, type, source, target, attributes: {}, evidence: [] });
  };
  for (const { expected } of generateCorpus({ reports, seed })) {
    const plan = buildLoadPlan(expected);
    for (const province of plan.provinces) nodes.set(province.key, { id: province.key, type: 'Province', name: province.name, province: province.name, date: null });
    for (const entity of plan.entities) {
      nodes.set(entity.key, { id: entity.key, type: entity.type, name: entity.name, province: entity.province, date: entity.date });
      if (entity.provinceKey && entity.provinceKey !== entity.key) link('LOCATED_IN', entity.key, entity.provinceKey);
    }
    for (const relation of plan.relationships) link(relation.type, relation.source, relation.target, relation.role ?? relation.titleKey ?? '');
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()].filter((edge) => nodes.has(edge.source) && nodes.has(edge.target)) };
}

/** A connected piece of about `size` nodes: breadth-first from the best-connected node, with the edges among the nodes taken. */
export function cutConnected(whole: Subgraph, size: number): Subgraph {
  const neighbours = new Map<string, string[]>();
  for (const edge of whole.edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  const start = [...neighbours.entries()].sort((a, b) => b[1].length - a[1].length)[0]?.[0];
  const taken = new Set<string>(start ? [start] : []);
  const queue = start ? [start] : [];
  while (queue.length > 0 && taken.size < size) {
    for (const next of neighbours.get(queue.shift()!) ?? []) {
      if (taken.size >= size) break;
      if (!taken.has(next)) {
        taken.add(next);
        queue.push(next);
      }
    }
  }
  return {
    nodes: whole.nodes.filter((node) => taken.has(node.id)),
    edges: whole.edges.filter((edge) => taken.has(edge.source) && taken.has(edge.target)),
  };
}
