import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo } from 'graphql-parse-resolve-info';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import { readSelection } from '../../export/read-selection.ts';
import { orNotFound } from '../analytics/resolvers.ts';
import { planSelection } from '../../export/selector.ts';
import { countPage, readPage } from '../../graph/read-page.ts';
import type { PageFilter } from '../../graph/read-page.ts';
import { readShortestPaths } from '../../graph/read-paths.ts';
import { readCoAttendance, readCooperationNetwork, readTimeline } from '../../graph/read-network.ts';
import type { NodeRow, NodeType } from '../../graph/read-rows.ts';
import { searchEntities } from '../../graph/read-search.ts';
import { readStatisticSeries } from '../../graph/read-statistics.ts';
import { fetchSubgraph } from '../../graph/subgraph.ts';
import {
  capPageSize,
  coAttendanceArgsSchema,
  idArgsSchema,
  listArgsSchema,
  neighborhoodArgsSchema,
  networkArgsSchema,
  parseArgs,
  pathArgsSchema,
  searchArgsSchema,
  statisticsArgsSchema,
} from '../args.ts';
import type { ApiContext } from '../context.ts';
import { createApiError, describeNotFound, quoteArgument } from '../errors.ts';
import { planNodePrefetch, prefetchNode } from '../prefetch.ts';
import { selectedFields } from './related.ts';

/** Root query resolvers: check arguments, run one read, map rows. */

async function loadExisting(context: ApiContext, id: string): Promise<NodeRow> {
  const node = await context.loaders.nodes.load(id);
  if (!node) throw notFound(id);
  return node;
}

function notFound(id: string) {
  return createApiError('NOT_FOUND', `No node has the id ${quoteArgument(id)}.`);
}

/** A root list resolver for one type: a Relay connection whose `totalCount` is counted only when asked for. */
function listOf(type: NodeType) {
  return async (_root: unknown, args: unknown, context: ApiContext) => {
    const { filter, orderBy, first, after } = parseArgs(listArgsSchema, args);
    const size = capPageSize(first, context.config.maxPageSize);
    const page = await readPage(context.gateway, { type, filter: filter as PageFilter, order: orderBy, first: size, after }, context.read);
    for (const item of page.items) context.loaders.nodes.prime(item.node.key, item.node);
    return {
      totalCount: () => countPage(context.gateway, type, filter as PageFilter, context.read),
      nodes: page.items.map((i) => i.node),
      edges: page.items.map((i) => ({ cursor: i.cursor, node: i.node })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.items[0]?.cursor ?? null,
        endCursor: page.items.at(-1)?.cursor ?? null,
      },
    };
  };
}

export const queryResolvers = {
  node: (_root: unknown, { id }: { id: string }, context: ApiContext, info: GraphQLResolveInfo) => {
    // The node with the relationship fields asked of it (two levels) in one query, when it has any.
    const planned = planNodePrefetch(info, context);
    return planned.length === 0 ? context.loaders.nodes.load(id) : prefetchNode(context, id, planned);
  },
  nodes: (_root: unknown, { ids }: { ids: string[] }, context: ApiContext) => Promise.all(ids.map((id) => context.loaders.nodes.load(id))),

  provinces: listOf('Province'),
  alliances: listOf('Alliance'),
  officials: listOf('Official'),
  meetings: listOf('Meeting'),
  agencies: listOf('Agency'),
  awards: listOf('Award'),
  cooperatives: listOf('Cooperative'),
  reports: listOf('Report'),

  search: async (_root: unknown, args: unknown, context: ApiContext) => {
    const { text, types, first } = parseArgs(searchArgsSchema, args);
    const hits = await searchEntities(context.gateway, text, types ?? null, capPageSize(first, context.config.maxPageSize), context.read);
    return hits.map((hit) => ({ node: hit.node, score: hit.score }));
  },

  path: async (_root: unknown, args: unknown, context: ApiContext, info: GraphQLResolveInfo) => {
    const { from, to, maxLength, throughProvinces, first } = parseArgs(pathArgsSchema, args);
    // Sentences and counts are read only when asked for (a count reads every report that states
    // the relationship). Whether the ends exist is asked only when no path joins them.
    const asked = hopFieldsAsked(info);
    const paths = await readShortestPaths(
      context.gateway,
      { from, to, maxLength, throughProvinces, limit: capPageSize(first, context.config.maxPageSize), ...asked },
      context.read,
    );
    if (paths.length === 0) await Promise.all([loadExisting(context, from), loadExisting(context, to)]);
    return paths.map((path) => ({
      length: path.hops.length,
      nodes: path.nodes,
      hops: path.hops.map((hop) => ({
        from: hop.from,
        to: hop.to,
        type: hop.relation.type,
        forward: hop.relation.outgoing,
        attributes: hop.relation.attributes,
        evidence: hop.relation.evidence,
        evidenceCount: hop.relation.evidenceCount,
      })),
    }));
  },

  neighborhood: async (_root: unknown, args: unknown, context: ApiContext, info: GraphQLResolveInfo) => {
    const { id, depth, types } = parseArgs(neighborhoodArgsSchema, args);
    // One query: the centre is always among the nodes, so none means no such entity. Evidence
    // is read only when the query asks for it (one index lookup per edge).
    const evidence = asksForEdgeEvidence(info);
    const subgraph = await fetchSubgraph(context.gateway, { around: id, depth, evidence, ...(types ? { types } : {}) }, context.read);
    if (subgraph.nodes.length === 0) throw notFound(id);
    return subgraph;
  },

  coAttendance: async (_root: unknown, args: unknown, context: ApiContext) => {
    const { id, first } = parseArgs(coAttendanceArgsSchema, args);
    await loadExisting(context, id);
    const rows = await readCoAttendance(context.gateway, id, capPageSize(first, context.config.maxPageSize), context.read);
    return rows.map((row) => ({
      entity: row.node,
      count: row.count,
      meetings: async () => (await context.loaders.nodes.loadMany(row.meetings)).filter((m): m is NodeRow => m !== null && !(m instanceof Error)),
    }));
  },

  network: resolveNetwork,

  cooperationNetwork: (_root: unknown, args: unknown, context: ApiContext) => {
    const filter = parseArgs(networkArgsSchema, args);
    return readCooperationNetwork(context.gateway, filter, context.read);
  },

  timeline: async (_root: unknown, args: unknown, context: ApiContext) => {
    const { id } = parseArgs(idArgsSchema, args);
    await loadExisting(context, id);
    const rows = await readTimeline(context.gateway, id, 1000, context.read);
    return rows.map((row) => ({
      date: row.event.date,
      kind: row.event.type === 'Award' ? 'AWARD' : 'MEETING',
      event: row.event,
      relation: row.relation,
      role: row.relation === 'ATTENDED' ? (row.link?.attributes.role ?? 'attended') : null,
      evidence: row.link?.evidence ?? [],
    }));
  },

  statistics: async (_root: unknown, args: unknown, context: ApiContext) => {
    const { province, metric, rollUpMerged } = parseArgs(statisticsArgsSchema, args);
    const series = await readStatisticSeries(context.gateway, { province, metric, rollUp: rollUpMerged }, context.read);
    if (series === null) throw createApiError('NOT_FOUND', `No province is named ${quoteArgument(province)}.`);
    return series.map((s) => ({
      ...s,
      points: s.points.map((p) => ({
        time: p.time,
        value: p.statistic.value ?? 0,
        unit: p.statistic.unit ?? s.unit,
        qualifier: p.statistic.qualifier ?? 'exact',
        province: p.province,
        statistic: p.statistic,
        evidence: p.evidence,
      })),
    }));
  },
};

/** Which provenance fields the selection of `path` asks of its hops (both when it cannot tell). */
function hopFieldsAsked(info: GraphQLResolveInfo): { evidence: boolean; evidenceCount: boolean } {
  const tree = parseResolveInfo(info);
  if (!tree || !('fieldsByTypeName' in tree)) return { evidence: true, evidenceCount: true };
  const hops = selectedFields(tree as ResolveTree, new Set(['hops']));
  const asks = (name: string) => hops.some((hop) => selectedFields(hop, new Set([name])).length > 0);
  return { evidence: asks('evidence'), evidenceCount: asks('evidenceCount') };
}

/** Whether a field returning a `Subgraph` selects `edges { evidence }` (through fragments too). */
function asksForEdgeEvidence(info: GraphQLResolveInfo): boolean {
  const tree = parseResolveInfo(info);
  if (!tree || !('fieldsByTypeName' in tree)) return true;
  return selectedFields(tree as ResolveTree, new Set(['edges'])).some((edges) => selectedFields(edges, new Set(['evidence'])).length > 0);
}

/**
 * `network(selection)`: the selector the network page and exports share, planned by the export
 * module. A neighbourhood (at most 500 nodes) is read here; a province, a date range or the whole
 * graph is read in an export thread and answered only up to `API_MAX_NETWORK_NODES` nodes: the
 * whole graph of 10,000 reports held the event loop for 1.8 s, and answering it field by field
 * would hold it longer still.
 */
export async function resolveNetwork(_root: unknown, { selection }: { selection: unknown }, context: ApiContext) {
  const planned = planSelection(stripNulls(selection));
  if (!planned.ok) throw createApiError('BAD_USER_INPUT', planned.reason);
  const { plan } = planned;
  if ('around' in plan.selection) {
    const read = await readSelection(context.gateway, plan, context.read);
    if (!read.ok) throw createApiError('NOT_FOUND', describeNotFound(read.unknown));
    return read.subgraph;
  }
  const { subgraph, nodeCount } = await orNotFound(context.services.analyzer.network(plan, context.config.maxNetworkNodes));
  if (subgraph) return subgraph;
  throw createApiError(
    'RESPONSE_TOO_LARGE',
    `The network (${plan.description}) has ${nodeCount} nodes; network answers at most ${context.config.maxNetworkNodes} (API_MAX_NETWORK_NODES): narrow the selection, or download it with GET /export.`,
  );
}

function stripNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}
