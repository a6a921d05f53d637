import { z } from 'zod';
import { renderExport, type ExportFormat } from '../../export/render-export.ts';
import { computeMetrics } from '../../metrics/compute-metrics.ts';
import { capPageSize, parseArgs } from '../args.ts';
import type { ApiContext } from '../context.ts';
import { createApiError } from '../errors.ts';
import { selectSubgraph } from './select-subgraph.ts';

/**
 * Resolvers of `schema/analytics.graphql`: `networkMetrics` and `exportSubgraph`.
 * Each parses its arguments, reads one subgraph through `fetchSubgraph`, and hands it to the
 * pure metrics and export code. Merge `analyticsQueryResolvers` into `Query`.
 */

const selectorArg = z.record(z.string(), z.unknown());
const metricsArgs = z.object({
  selection: selectorArg,
  orderBy: z.enum(['DEGREE', 'PAGERANK', 'BETWEENNESS']),
  first: z.number().int().min(0, 'first must not be negative'),
});
const formatEnum = z.enum(['GRAPHML', 'GEXF', 'CYJS', 'CSV_NODES', 'CSV_EDGES']);
const formatOfEnum: Record<z.infer<typeof formatEnum>, ExportFormat> = {
  GRAPHML: 'graphml',
  GEXF: 'gexf',
  CYJS: 'cyjs',
  CSV_NODES: 'csv-nodes',
  CSV_EDGES: 'csv-edges',
};
const exportArgs = z.object({
  selection: selectorArg,
  format: formatEnum,
});

async function select(context: ApiContext, selection: Record<string, unknown>) {
  const selected = await selectSubgraph(context.gateway, selection, context.read);
  if (!selected.ok) throw createApiError('BAD_USER_INPUT', `selection.${selected.reason}`);
  return selected;
}

/** Root fields of the analytics schema. */
export const analyticsQueryResolvers = {
  networkMetrics: async (_root: unknown, args: unknown, context: ApiContext) => {
    const { selection, orderBy, first } = parseArgs(metricsArgs, args);
    const { subgraph } = await select(context, selection);
    const metrics = computeMetrics(subgraph);
    const measure = orderBy === 'DEGREE' ? 'degree' : orderBy === 'PAGERANK' ? 'pagerank' : 'betweenness';
    const nodes = subgraph.nodes
      .map((node) => ({ node, ...metrics.nodes.get(node.id)! }))
      .sort((a, b) => b[measure] - a[measure] || a.node.id.localeCompare(b.node.id))
      .slice(0, capPageSize(first, context.config.maxPageSize, 50));
    return {
      nodeCount: subgraph.nodes.length,
      edgeCount: subgraph.edges.length,
      communityCount: metrics.communityCount,
      modularity: metrics.modularity,
      nodes,
    };
  },

  exportSubgraph: async (_root: unknown, args: unknown, context: ApiContext) => {
    const { selection, format } = parseArgs(exportArgs, args);
    const { subgraph } = await select(context, selection);
    const file = renderExport(subgraph, formatOfEnum[format]);
    return { ...file, format, nodeCount: subgraph.nodes.length, edgeCount: subgraph.edges.length };
  },
};
