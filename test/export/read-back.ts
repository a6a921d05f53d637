import { XMLParser } from 'fast-xml-parser';

/** A node or edge as an independent reader sees it in a written file: id, ends and attribute text. */
export type ReadNode = { id: string; values: Record<string, string> };
export type ReadEdge = { id: string; source: string; target: string; values: Record<string, string> };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['key', 'node', 'edge', 'data', 'attribute', 'attributes', 'attvalue'].includes(name),
});

type XmlElement = Record<string, unknown>;

function elements(value: unknown): XmlElement[] {
  return Array.isArray(value) ? (value as XmlElement[]) : [];
}

/** Reads a GraphML file with fast-xml-parser (not the writer's code): key declarations, nodes, edges. */
export function readGraphml(xml: string): {
  keys: { id: string; for: string; name: string; type: string }[];
  nodes: ReadNode[];
  edges: ReadEdge[];
} {
  const root = parser.parse(xml).graphml as XmlElement;
  const keys = elements(root.key).map((key) => ({
    id: String(key.id), for: String(key.for), name: String(key['attr.name']), type: String(key['attr.type']),
  }));
  const nameOf = new Map(keys.map((key) => [key.id, key.name]));
  const graph = (root.graph as XmlElement[] | XmlElement);
  const body = Array.isArray(graph) ? graph[0]! : graph;
  const valuesOf = (element: XmlElement) =>
    Object.fromEntries(elements(element.data).map((data) => [nameOf.get(String(data.key)) ?? '?', String(data['#text'] ?? '')]));
  return {
    keys,
    nodes: elements(body.node).map((node) => ({ id: String(node.id), values: valuesOf(node) })),
    edges: elements(body.edge).map((edge) => ({
      id: String(edge.id), source: String(edge.source), target: String(edge.target), values: valuesOf(edge),
    })),
  };
}

/** Reads a GEXF file with fast-xml-parser: graph mode, attribute declarations, nodes and edges with time. */
export function readGexf(xml: string): {
  graph: Record<string, string>;
  attributes: { class: string; id: string; type: string }[];
  nodes: (ReadNode & { label: string; start?: string; end?: string })[];
  edges: (ReadEdge & { label: string; start?: string; end?: string })[];
} {
  const root = parser.parse(xml).gexf as XmlElement;
  const graph = root.graph as XmlElement;
  const attributes = elements(graph.attributes).flatMap((block) =>
    elements(block.attribute).map((attribute) => ({ class: String(block.class), id: String(attribute.id), type: String(attribute.type) })),
  );
  const valuesOf = (element: XmlElement) => {
    const attvalues = element.attvalues as XmlElement | undefined;
    return Object.fromEntries(elements(attvalues?.attvalue).map((value) => [String(value.for), String(value.value)]));
  };
  const timeOf = (element: XmlElement) =>
    element.start === undefined ? {} : { start: String(element.start), end: String(element.end) };
  const scalarAttributes = Object.fromEntries(
    Object.entries(graph).filter(([, value]) => typeof value === 'string'),
  ) as Record<string, string>;
  return {
    graph: scalarAttributes,
    attributes,
    nodes: elements((graph.nodes as XmlElement).node).map((node) => ({
      id: String(node.id), label: String(node.label), values: valuesOf(node), ...timeOf(node),
    })),
    edges: elements((graph.edges as XmlElement).edge).map((edge) => ({
      id: String(edge.id), source: String(edge.source), target: String(edge.target), label: String(edge.label),
      values: valuesOf(edge), ...timeOf(edge),
    })),
  };
}
