import { z } from 'zod';
import type { ExportFormat } from '../../export/render-export.ts';
import { planSelection } from '../../export/selector.ts';
import type { PlannedSelection } from '../../export/selector.ts';
import { capPageSize, parseArgs } from '../args.ts';
import type { ApiContext } from '../context.ts';
import { createApiError, describeNotFound } from '../errors.ts';
import { UnknownSelectionError } from '../../workers/analyzer.ts';

/**
 * Resolvers of `schema/analytics.graphql`: `networkMetrics` and `exportSubgraph`. Each parses its
 * arguments and plans the selection here, then reads, measures and renders the subgraph in a
 * worker thread (`services.analyzer`: time limit, bound on how many at once), so a whole-graph
 * export leaves the event loop free. Merge `analyticsQueryResolvers` into `Query`.
 */

const selectorArg = z.record(z.string(), z.unknown());
const metricsArgs = z.object({
  selection: selectorArg,
  orderBy: z.enum(['DEGREE', 'PAGERANK', 'BETWEENNESS']),
  first: z.number().int().min(0, 'first must not be negative'),
  includeStructural: z.boolean(),
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
  includeStructural: z.boolean(),
  bom: z.boolean(),
});

/** A selector from GraphQL (nulls count as absent) planned, or `BAD_USER_INPUT` naming the field. */
function plan(selection: Record<string, unknown>): PlannedSelection {
  const present = Object.fromEntries(Object.entries(selection).filter(([, value]) => value !== null && value !== undefined && value !== ''));
  const planned = planSelection(present);
  if (!planned.ok) throw createApiError('BAD_USER_INPUT', `selection.${planned.reason}`);
  return planned.plan;
}

/** Runs analyzer work, answering a centre or province the graph does not have with `NOT_FOUND`, as `neighborhood` does. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UnknownSelectionError) throw createApiError('NOT_FOUND', describeNotFound(error.unknown));
    throw error;
  }
}

/** Root fields of the analytics schema. */
export const analyticsQueryResolvers = {
  networkMetrics: async (_root: unknown, args: unknown, context: ApiContext) => {
    const { selection, orderBy, first, includeStructural } = parseArgs(metricsArgs, args);
    const measure = orderBy === 'DEGREE' ? 'degree' : orderBy === 'PAGERANK' ? 'pagerank' : 'betweenness';
    return orNotFound(context.services.analyzer.measure(plan(selection), measure, capPageSize(first, context.config.maxPageSize, 50), { includeStructural }));
  },

  exportSubgraph: async (_root: unknown, args: unknown, context: ApiContext) => {
    const { selection, format, includeStructural, bom } = parseArgs(exportArgs, args);
    const { file, nodeCount, edgeCount } = await orNotFound(
      context.services.analyzer.exportFile(plan(selection), formatOfEnum[format], 'hoptac-network', { metrics: { includeStructural }, render: { bom } }),
    );
    // Refused before the bytes become a string: the answer carries the file as text.
    if (file.bytes.byteLength > context.config.maxResponseBytes) {
      throw createApiError(
        'RESPONSE_TOO_LARGE',
        `The file is ${file.bytes.byteLength} bytes, over the answer limit of ${context.config.maxResponseBytes} (API_MAX_RESPONSE_BYTES): download it with GET /export instead.`,
      );
    }
    // ignoreBOM keeps a CSV file's byte-order mark (`bom`), which decoding would otherwise drop.
    const content = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    return { fileName: file.fileName, mediaType: file.mediaType, content, format, nodeCount, edgeCount };
  },
};
