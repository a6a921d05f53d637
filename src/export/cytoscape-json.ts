import { colorOfType } from './palette.ts';
import type { Cell, NetworkTable } from './network-table.ts';

/** An element's `data` in Cytoscape.js JSON: ids plus the non-empty attribute values. */
export type CytoscapeData = Record<string, string | number | boolean>;

/** The document Cytoscape desktop imports as "Cytoscape.js JSON" and cytoscape.js loads as `elements`. */
export type CytoscapeDocument = {
  format_version: '1.0';
  generated_by: 'hoptac';
  target_cytoscapejs_version: '~3';
  data: { name: string };
  elements: { nodes: { data: CytoscapeData }[]; edges: { data: CytoscapeData }[] };
};

/**
 * Builds a Cytoscape.js JSON document: nodes carry `name` (Cytoscape desktop's label
 * column) and `color`, edges carry `interaction` (its edge-type column) next to
 * `relation`, so both the desktop app and cytoscape.js style them without mapping.
 */
export function toCytoscapeDocument(table: NetworkTable, name = 'hoptac network'): CytoscapeDocument {
  return {
    format_version: '1.0',
    generated_by: 'hoptac',
    target_cytoscapejs_version: '~3',
    data: { name },
    elements: {
      nodes: table.nodes.map((node) => ({
        data: {
          id: node.id,
          name: String(node.values.label ?? node.id),
          color: colorOfType(String(node.values.type ?? '')),
          ...presentValues(node.values),
        },
      })),
      edges: table.edges.map((edge) => ({
        data: {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          interaction: String(edge.values.relation ?? ''),
          ...presentValues(edge.values),
        },
      })),
    },
  };
}

/** Writes the Cytoscape.js JSON document as indented text. */
export function writeCytoscapeJson(table: NetworkTable, name?: string): string {
  return `${JSON.stringify(toCytoscapeDocument(table, name), null, 2)}\n`;
}

function presentValues(values: Record<string, Cell>): CytoscapeData {
  const present: CytoscapeData = {};
  for (const [key, value] of Object.entries(values)) if (value !== null) present[key] = value;
  return present;
}
