import { stringify } from 'csv-stringify/sync';
import type { Cell, Column, NetworkTable } from './network-table.ts';

/**
 * Writes the node list as CSV: `id` then one column per node attribute, a header row,
 * RFC 4180 quoting. Gephi's spreadsheet import recognises `id` and `label`.
 */
export function writeNodesCsv(table: NetworkTable): string {
  const columns = table.nodeColumns;
  return stringify(
    table.nodes.map((node) => [node.id, ...cellsOf(columns, node.values)]),
    { header: true, columns: ['id', ...columns.map((column) => column.name)] },
  );
}

/**
 * Writes the edge list as CSV: `id,source,target` then one column per edge attribute.
 * The relationship type is `relation`, because Gephi reads an edge `type` column as
 * directed/undirected.
 */
export function writeEdgesCsv(table: NetworkTable): string {
  const columns = table.edgeColumns;
  return stringify(
    table.edges.map((edge) => [edge.id, edge.source, edge.target, ...cellsOf(columns, edge.values)]),
    { header: true, columns: ['id', 'source', 'target', ...columns.map((column) => column.name)] },
  );
}

function cellsOf(columns: Column[], values: Record<string, Cell>): string[] {
  return columns.map((column) => {
    const value = values[column.name];
    return value === null || value === undefined ? '' : String(value);
  });
}
