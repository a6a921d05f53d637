import { colorOfType, splitHexColor } from './palette.ts';
import type { Cell, Column, NetworkTable } from './network-table.ts';
import { buildXml, type XmlTree } from './xml-builder.ts';

const gexfNamespace = 'http://www.gexf.net/1.2draft';

/**
 * Writes a network as GEXF 1.2 for Gephi. The graph is dynamic with `timeformat="date"`:
 * a dated node (meeting, award) and every relationship to it live on that day
 * (`start` = `end`), undated actors exist throughout, so Gephi's timeline replays who
 * met when. Nodes carry their type colour and a size growing with degree.
 */
export function writeGexf(table: NetworkTable, options: { description?: string } = {}): string {
  const nodeAttributes = table.nodeColumns.filter((column) => column.name !== 'label');
  const edgeAttributes = table.edgeColumns.filter((column) => column.name !== 'label');
  return buildXml({
    gexf: {
      '@_xmlns': gexfNamespace,
      '@_xmlns:viz': `${gexfNamespace}/viz`,
      '@_version': '1.2',
      meta: { creator: 'hoptac', description: options.description ?? 'hoptac network export' },
      graph: {
        '@_mode': 'dynamic',
        '@_defaultedgetype': 'directed',
        '@_timeformat': 'date',
        attributes: [declareAttributes('node', nodeAttributes), declareAttributes('edge', edgeAttributes)],
        nodes: {
          node: table.nodes.map((node) => ({
            '@_id': node.id,
            '@_label': String(node.values.label ?? node.id),
            ...spanDay(node.start),
            attvalues: { attvalue: writeValues(nodeAttributes, node.values) },
            'viz:color': attributesOf(splitHexColor(colorOfType(String(node.values.type ?? '')))),
            'viz:size': { '@_value': sizeOfDegree(node.values.degree ?? null) },
          })),
        },
        edges: {
          edge: table.edges.map((edge) => ({
            '@_id': edge.id,
            '@_source': edge.source,
            '@_target': edge.target,
            '@_label': String(edge.values.label ?? ''),
            ...spanDay(edge.start),
            attvalues: { attvalue: writeValues(edgeAttributes, edge.values) },
          })),
        },
      },
    },
  });
}

function declareAttributes(scope: 'node' | 'edge', columns: Column[]): XmlTree {
  return {
    '@_class': scope,
    '@_mode': 'static',
    attribute: columns.map((column) => ({ '@_id': column.name, '@_title': column.name, '@_type': column.type })),
  };
}

function writeValues(columns: Column[], values: Record<string, Cell>): XmlTree[] {
  return columns.flatMap((column) => {
    const value = values[column.name];
    return value === null || value === undefined ? [] : [{ '@_for': column.name, '@_value': String(value) }];
  });
}

function spanDay(day: string | null): XmlTree {
  return day ? { '@_start': day, '@_end': day } : {};
}

function attributesOf(channels: Record<string, number>): XmlTree {
  return Object.fromEntries(Object.entries(channels).map(([name, value]) => [`@_${name}`, value]));
}

function sizeOfDegree(degree: Cell): number {
  const value = typeof degree === 'number' ? degree : 0;
  return Math.round((8 + 4 * Math.sqrt(value)) * 100) / 100;
}
