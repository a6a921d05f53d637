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

/**
 * Makes the benchmark's local Neo4j write what was loaded to its store files now (a checkpoint,
 * `CALL hoptac.checkpoint()`, which hoptac's launcher provides) and returns the seconds it took.
 * Otherwise the scheduled checkpoint, 15 minutes after the last, flushes the load later, during
 * whichever load test runs then: in full runs it fell on the 100k corpus's API measurements.
 */
export async function flushLoad(gateway: Pick<Gateway, 'write'>): Promise<number> {
  const started = performance.now();
  await gateway.write((tx) => tx.run(cypher('bench/checkpoint')));
  return (performance.now() - started) / 1000;
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
