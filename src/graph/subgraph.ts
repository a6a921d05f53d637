import { z } from 'zod';
import type { Gateway } from './gateway.ts';
import { provinceKey } from './keys.ts';
import { readNodesByKey } from './read-nodes.ts';
import { NODE_TYPES, displayName, parseAttributes, parseEvidenceList, parseNodeRow, readRows, rowMapSchema } from './read-rows.ts';
import type { EvidenceRow, NodeRow, ReadOptions } from './read-rows.ts';

/**
 * Subgraphs shaped for network views and exports: nodes and the edges among them, every edge
 * with its evidence. Shared by the API's `neighborhood`/`cooperationNetwork` and the analyst tools.
 */

export type SubgraphNode = { id: string; type: string; name: string; province: string | null; date: string | null };
export type SubgraphEdge = {
  id: string;
  type: string;
  source: string;
  target: string;
  attributes: Record<string, unknown>;
  evidence: EvidenceRow[];
};
export type Subgraph = { nodes: SubgraphNode[]; edges: SubgraphEdge[] };

/** What to fetch: around an entity, a province and/or a date range (YYYY-MM-DD, inclusive), or everything. */
export type SubgraphSelection =
  | { around: string; depth: number; types?: string[]; limit?: number; hubDegree?: number; evidence?: boolean }
  | { province: string; from?: string; to?: string }
  | { from?: string; to?: string }
  | { all: true; from?: string; to?: string };

/** Relationships the reports state between actors and events. */
export const ENTITY_RELATION_TYPES = ['ORGANIZED', 'ATTENDED', 'HOLDS_POSITION', 'AWARDED_BY', 'PRESENTED_AT', 'RECEIVED', 'COOPERATES_WITH'];
/** Relationships of the province map, walked only when provinces are asked for. */
export const PROVINCE_RELATION_TYPES = ['LOCATED_IN', 'MERGED_INTO'];

/** Most nodes a neighbourhood returns unless told otherwise: enough for a network view, bounded for hubs. */
export const DEFAULT_NEIGHBORHOOD_LIMIT = 500;

/**
 * Nodes with more relationships than this are not expanded when a neighbourhood's edges are read:
 * their edges are found from the other ends (see `cypher/api/neighborhood.cypher`).
 */
export const HUB_DEGREE = 100;

/** The nodes and edges of a selection; an unknown centre gives an empty subgraph. */
export async function fetchSubgraph(gateway: Gateway, selection: SubgraphSelection, options: ReadOptions = {}): Promise<Subgraph> {
  if ('around' in selection) return fetchNeighborhood(gateway, selection, options);
  if ('all' in selection && selection.from === undefined && selection.to === undefined) return fetchEverything(gateway, options);
  const province = 'province' in selection ? selection.province : null;
  const rows = await readRows(
    gateway,
    'api/subgraph-events',
    {
      provinceKey: province ? provinceKey(province) : null,
      from: selection.from ?? null,
      to: selection.to ?? null,
      relTypes: ENTITY_RELATION_TYPES,
    },
    options,
  );
  const keys = rows.map((row) => z.string().parse(row.key));
  return assembleSubgraph(gateway, keys, ENTITY_RELATION_TYPES, options);
}

/** A neighbourhood in one query (`api/neighborhood`): the walk, its nodes and the edges among them. */
async function fetchNeighborhood(
  gateway: Gateway,
  selection: { around: string; depth: number; types?: string[]; limit?: number; hubDegree?: number; evidence?: boolean },
  options: ReadOptions,
): Promise<Subgraph> {
  const [row] = await readRows(
    gateway,
    'api/neighborhood',
    {
      centre: selection.around,
      depth: selection.depth,
      relTypes: ENTITY_RELATION_TYPES,
      provinceRelTypes: PROVINCE_RELATION_TYPES,
      walkProvinces: selection.types?.includes('Province') ?? false,
      types: selection.types ?? null,
      limit: selection.limit ?? DEFAULT_NEIGHBORHOOD_LIMIT,
      hubDegree: selection.hubDegree ?? HUB_DEGREE,
      withEvidence: selection.evidence ?? true,
    },
    options,
  );
  if (!row) return { nodes: [], edges: [] };
  const { nodes, edges } = neighborhoodRowSchema.parse(row);
  return sortSubgraph(
    nodes.map(([key, type, name, title, metric, province, date, publishedAt]) =>
      toSubgraphNode({ key, type, name: displayName({ key, name, title, metric }), province, date, publishedAt }),
    ),
    edges.map(([source, target, type, props, evidence]) => buildEdge(source, target, type, props, evidence)),
  );
}

const nullableString = z.string().nullable();
/**
 * The statement's lists: nodes [key, type, name, title, metric, province, date, publishedAt],
 * edges [source, target, type, properties, evidence].
 */
const neighborhoodRowSchema = z.object({
  nodes: z.array(z.tuple([z.string(), z.enum(NODE_TYPES), nullableString, nullableString, nullableString, nullableString, nullableString, nullableString])),
  edges: z.array(z.tuple([z.string(), z.string(), z.string(), rowMapSchema, z.unknown()])),
});

async function assembleSubgraph(gateway: Gateway, keys: string[], relTypes: string[], options: ReadOptions): Promise<Subgraph> {
  if (keys.length === 0) return { nodes: [], edges: [] };
  const nodes = (await readNodesByKey(gateway, keys, options)).filter((n): n is NodeRow => n !== null);
  const inside = new Set(nodes.map((n) => n.key));
  const rows = await readRows(gateway, 'api/subgraph-edges', { batch: { keys: [...inside] }, relTypes }, options);
  const edges = rows.map(toEdge).filter((e) => inside.has(e.target));
  return sortSubgraph(nodes.map(toSubgraphNode), edges);
}

async function fetchEverything(gateway: Gateway, options: ReadOptions): Promise<Subgraph> {
  const nodeRows = await readRows(gateway, 'api/subgraph-all-nodes', {}, options);
  const edgeRows = await readRows(gateway, 'api/subgraph-all-edges', {}, options);
  return sortSubgraph(
    nodeRows.map((row) => toSubgraphNode(parseNodeRow(row.node))),
    edgeRows.map(toEdge),
  );
}

const edgeRowSchema = z.object({
  source: z.string(),
  target: z.string(),
  type: z.string(),
  props: rowMapSchema,
});

/** Builds a subgraph edge from a stored relationship; its id is stable across runs (type, ends, role/title). */
export function toEdge(raw: Record<string, unknown>): SubgraphEdge {
  const { source, target, type, props } = edgeRowSchema.parse(raw);
  return buildEdge(source, target, type, props, props.evidence);
}

/** An edge from its parts; `props` are the relationship's properties (its `fact` and any `evidence` key are left out). */
function buildEdge(source: string, target: string, type: string, props: Record<string, unknown>, evidence: unknown): SubgraphEdge {
  const { fact: _fact, evidence: _evidence, attributes, ...rest } = props;
  const plain = Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v !== 'object' || v === null));
  const merged = { ...parseAttributes(attributes), ...plain };
  const discriminator = typeof merged.role === 'string' ? merged.role : typeof merged.title === 'string' ? merged.title : '';
  return {
    id: [type, source, target, discriminator].filter((p) => p !== '').join('|'),
    type,
    source,
    target,
    attributes: merged,
    evidence: parseEvidenceList(evidence),
  };
}

/** The network-view shape of a node row. */
export function toSubgraphNode(node: Pick<NodeRow, 'key' | 'type' | 'name' | 'province' | 'date' | 'publishedAt'>): SubgraphNode {
  return { id: node.key, type: node.type, name: node.name, province: node.province, date: node.date ?? node.publishedAt };
}

function sortSubgraph(nodes: SubgraphNode[], edges: SubgraphEdge[]): Subgraph {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: nodes.sort(byId), edges: edges.sort(byId) };
}
