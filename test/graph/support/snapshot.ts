import type { Gateway } from '../../../src/graph/gateway.ts';

/**
 * The whole graph as sorted lines of text: every node (labels, key, properties) and every
 * relationship (type, end keys, properties), with list properties and the words of the search
 * text sorted and load times dropped, so two graphs built in different orders compare equal
 * when they hold the same facts.
 */
export async function snapshotGraph(gateway: Gateway): Promise<{ nodes: string[]; relationships: string[] }> {
  return gateway.read(async (tx) => {
    const nodes = await tx.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
    const rels = await tx.run(
      'MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.key, a.name) AS source, coalesce(b.key, b.name) AS target, properties(r) AS props',
    );
    return {
      nodes: nodes.records.map((r) => JSON.stringify([[...(r.get('labels') as string[])].sort(), normalise(r.get('props'))])).sort(),
      relationships: rels.records
        .map((r) => JSON.stringify([r.get('type'), r.get('source'), r.get('target'), normalise(r.get('props'))]))
        .sort(),
    };
  });
}

/** Counts of nodes and relationships. */
export async function countGraph(gateway: Gateway): Promise<{ nodes: number; relationships: number }> {
  const snapshot = await snapshotGraph(gateway);
  return { nodes: snapshot.nodes.length, relationships: snapshot.relationships.length };
}

function normalise(props: Record<string, unknown>): [string, unknown][] {
  return Object.entries(props)
    .filter(([name]) => name !== 'loadedAt')
    .map(([name, value]): [string, unknown] => {
      if (Array.isArray(value)) return [name, [...value].map(String).sort()];
      if (name === 'searchText' && typeof value === 'string') return [name, value.split(' ').sort().join(' ')];
      return [name, toPlain(value)];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

function toPlain(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'toNumber' in value && typeof value.toNumber === 'function') {
    return (value as { toNumber(): number }).toNumber();
  }
  return value;
}
