import type { Cell, Column, NetworkTable } from './network-table.ts';
import { buildXml, type XmlTree } from './xml-builder.ts';

const graphmlNamespace = 'http://graphml.graphdrawing.org/xmlns';

/**
 * Writes a network as GraphML (Gephi, yEd, igraph, NetworkX): one `<key>` per typed
 * column, `d<i>`/`e<i>` ids, directed edges, absent values left out.
 */
export function writeGraphml(table: NetworkTable): string {
  const nodeKeys = table.nodeColumns.map((column, index) => ({ column, id: `n${index}` }));
  const edgeKeys = table.edgeColumns.map((column, index) => ({ column, id: `e${index}` }));
  return buildXml({
    graphml: {
      '@_xmlns': graphmlNamespace,
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': `${graphmlNamespace} ${graphmlNamespace}/1.0/graphml.xsd`,
      key: [
        ...nodeKeys.map(({ column, id }) => declareKey(id, 'node', column)),
        ...edgeKeys.map(({ column, id }) => declareKey(id, 'edge', column)),
      ],
      graph: {
        '@_id': 'hoptac',
        '@_edgedefault': 'directed',
        node: table.nodes.map((node) => ({ '@_id': node.id, data: writeData(nodeKeys, node.values) })),
        edge: table.edges.map((edge) => ({
          '@_id': edge.id,
          '@_source': edge.source,
          '@_target': edge.target,
          data: writeData(edgeKeys, edge.values),
        })),
      },
    },
  });
}

function declareKey(id: string, scope: 'node' | 'edge', column: Column): XmlTree {
  return { '@_id': id, '@_for': scope, '@_attr.name': column.name, '@_attr.type': graphmlType(column) };
}

function graphmlType(column: Column): string {
  switch (column.type) {
    case 'string':
      return 'string';
    case 'integer':
      return 'int';
    case 'double':
      return 'double';
    case 'boolean':
      return 'boolean';
    default: {
      const unknownType: never = column.type;
      throw new Error(`unknown column type ${String(unknownType)}`);
    }
  }
}

function writeData(keys: { column: Column; id: string }[], values: Record<string, Cell>): XmlTree[] {
  return keys.flatMap(({ column, id }) => {
    const value = values[column.name];
    return value === null || value === undefined ? [] : [{ '@_key': id, '#text': String(value) }];
  });
}
