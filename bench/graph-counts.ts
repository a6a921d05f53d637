import neo4j from 'neo4j-driver';
import { cypher } from '../src/graph/cypher.ts';
import type { Gateway } from '../src/graph/gateway.ts';

/** Nodes per label combination and relationships per (type, source type, target type). */
export type GraphCounts = { nodes: Record<string, number>; relationships: Record<string, number> };

/** Counts the graph by shape, so two loads of the same records can be compared whole. */
export async function countGraph(gateway: Pick<Gateway, 'read'>): Promise<GraphCounts> {
  return gateway.read(async (tx) => {
    const nodes = await tx.run(cypher('bench/count-nodes'));
    const relationships = await tx.run(cypher('bench/count-relationships'));
    return {
      nodes: Object.fromEntries(nodes.records.map((r) => [String(r.get('labels')), Number(r.get('count'))])),
      relationships: Object.fromEntries(
        relationships.records.map((r) => [`${r.get('type')} ${r.get('source') ?? '-'}→${r.get('target') ?? '-'}`, Number(r.get('count'))]),
      ),
    };
  });
}

/** Total nodes and relationships. */
export async function measureGraph(gateway: Pick<Gateway, 'read'>): Promise<{ nodes: number; relationships: number }> {
  return gateway.read(async (tx) => {
    const row = (await tx.run(cypher('bench/count-graph'))).records[0];
    return { nodes: Number(row?.get('nodes') ?? 0), relationships: Number(row?.get('relationships') ?? 0) };
  });
}

/** Deletes every node and relationship in batches, keeping the schema. */
export async function emptyGraph(gateway: Pick<Gateway, 'write'>): Promise<void> {
  for (;;) {
    const deleted = await gateway.write(async (tx) => {
      const result = await tx.run(cypher('platform/delete-batch'), { batch: neo4j.int(10_000) });
      return Number(result.records[0]?.get('deleted') ?? 0);
    });
    if (deleted === 0) return;
  }
}
