import type { Subgraph, SubgraphEdge, SubgraphNode } from '../graph/subgraph.ts';
import type { NetworkMetrics } from '../metrics/compute-metrics.ts';

/** Attribute types every export format can declare (GraphML, GEXF and CSV agree on these). */
export type ColumnType = 'string' | 'integer' | 'double' | 'boolean';

/** One typed attribute of nodes or edges. */
export type Column = { name: string; type: ColumnType };

/** A cell: absent values stay `null` and are left out of XML, empty in CSV. */
export type Cell = string | number | boolean | null;

export type NodeRow = { id: string; values: Record<string, Cell> };
export type EdgeRow = { id: string; source: string; target: string; values: Record<string, Cell> };

/**
 * A subgraph flattened into typed columns: what every writer needs and nothing
 * format-specific. `start` is the day a row belongs to (a meeting's date, or the
 * date of the dated end of a relationship), used for Gephi's timeline.
 */
export type NetworkTable = {
  nodeColumns: Column[];
  edgeColumns: Column[];
  nodes: (NodeRow & { start: string | null })[];
  edges: (EdgeRow & { start: string | null })[];
};

const nodeColumns: Column[] = [
  { name: 'label', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'province', type: 'string' },
  { name: 'date', type: 'string' },
  { name: 'year', type: 'integer' },
  { name: 'degree', type: 'integer' },
  { name: 'pagerank', type: 'double' },
  { name: 'betweenness', type: 'double' },
  { name: 'community', type: 'integer' },
];

const fixedEdgeColumns: Column[] = [
  { name: 'label', type: 'string' },
  { name: 'relation', type: 'string' },
  { name: 'date', type: 'string' },
  { name: 'evidence', type: 'string' },
  { name: 'reports', type: 'string' },
  { name: 'evidenceCount', type: 'integer' },
];

/** Separates several report keys inside one cell (keys never contain it). */
export const listSeparator = ' | ';

/**
 * Flattens a subgraph and its metrics into typed node and edge rows. Relationship
 * attributes (an official's `title`, an attendance `role` …) become extra edge
 * columns, typed from their values; a name clashing with a fixed column gets `attr_`.
 */
export function tabulateNetwork(subgraph: Subgraph, metrics: NetworkMetrics): NetworkTable {
  const dates = new Map(subgraph.nodes.map((node) => [node.id, node.date]));
  const attributeColumns = inferAttributeColumns(subgraph.edges);
  return {
    nodeColumns,
    edgeColumns: [...fixedEdgeColumns, ...attributeColumns.map(({ column }) => column)],
    nodes: subgraph.nodes.map((node) => tabulateNode(node, metrics)),
    edges: subgraph.edges.map((edge) => {
      const start = edgeDate(edge, dates);
      const values: Record<string, Cell> = {
        label: edge.type,
        relation: edge.type,
        date: start,
        evidence: edge.evidence[0]?.text ?? null,
        reports: edge.evidence.length > 0 ? [...new Set(edge.evidence.map((e) => e.report))].join(listSeparator) : null,
        evidenceCount: edge.evidence.length,
      };
      for (const { key, column } of attributeColumns) values[column.name] = toCell(edge.attributes[key], column.type);
      return { id: edge.id, source: edge.source, target: edge.target, values, start };
    }),
  };
}

function tabulateNode(node: SubgraphNode, metrics: NetworkMetrics): NodeRow & { start: string | null } {
  const measured = metrics.nodes.get(node.id);
  const year = node.date ? Number(node.date.slice(0, 4)) : null;
  return {
    id: node.id,
    start: node.date,
    values: {
      label: node.name,
      type: node.type,
      province: node.province,
      date: node.date,
      year: Number.isInteger(year) ? year : null,
      degree: measured?.degree ?? 0,
      pagerank: measured?.pagerank ?? null,
      betweenness: measured?.betweenness ?? null,
      community: measured?.community ?? null,
    },
  };
}

/** A relationship happens on the day of its dated end (a meeting, an award); else it is timeless. */
function edgeDate(edge: SubgraphEdge, dates: Map<string, string | null>): string | null {
  return dates.get(edge.target) ?? dates.get(edge.source) ?? null;
}

function inferAttributeColumns(edges: SubgraphEdge[]): { key: string; column: Column }[] {
  const seen = new Map<string, ColumnType>();
  for (const edge of edges) {
    for (const [key, value] of Object.entries(edge.attributes)) {
      if (value === null || value === undefined) continue;
      seen.set(key, widenType(seen.get(key), typeOfValue(value)));
    }
  }
  const taken = new Set([...fixedEdgeColumns.map((column) => column.name), 'id', 'source', 'target']);
  return [...seen.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, type]) => ({ key, column: { name: taken.has(key) ? `attr_${key}` : key, type } }));
}

function typeOfValue(value: unknown): ColumnType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'double';
  return 'string';
}

function widenType(known: ColumnType | undefined, next: ColumnType): ColumnType {
  if (known === undefined || known === next) return next;
  const numeric = new Set<ColumnType>(['integer', 'double']);
  return numeric.has(known) && numeric.has(next) ? 'double' : 'string';
}

function toCell(value: unknown, type: ColumnType): Cell {
  if (value === null || value === undefined) return null;
  if (type === 'string') return typeof value === 'string' ? value : JSON.stringify(value);
  return value as number | boolean;
}
