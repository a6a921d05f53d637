import { z } from 'zod';
import type { Subgraph } from '../../graph/subgraph.ts';
import { mapResult, operation, requestGraphql, subgraphSchema, type ApiResult } from './graphql-client.ts';
import neighborhoodQuery from './queries/neighborhood.graphql?raw';
import networkQuery from './queries/network.graphql?raw';
import reportQuery from './queries/report.graphql?raw';

/** The subgraph around an entity (the API's `neighborhood`). */
export async function fetchNeighborhood(id: string, depth: number): Promise<ApiResult<Subgraph>> {
  return mapResult(await requestGraphql(operation(neighborhoodQuery), { id, depth }, z.object({ neighborhood: subgraphSchema })), (data) => data.neighborhood);
}

/** A province's or a date range's network, or the whole graph (the analytics `network` query). */
export async function fetchNetwork(selection: { province?: string; from?: string; to?: string; all?: boolean }): Promise<ApiResult<Subgraph>> {
  return mapResult(await requestGraphql(operation(networkQuery), { selection }, z.object({ network: subgraphSchema })), (data) => data.network);
}

/** A report with the text evidence offsets refer to. */
export type ReportText = { id: string; title: string; titleDerived: boolean; url: string | null; publishedAt: string | null; source: string | null; text: string };

const reportSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleDerived: z.boolean(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  source: z.string().nullable(),
  text: z.string(),
});

/** One report's text, to show a sentence in context; null when it is not in the graph. */
export async function fetchReport(id: string): Promise<ApiResult<ReportText | null>> {
  return mapResult(await requestGraphql(operation(reportQuery), { id }, z.object({ node: reportSchema.passthrough().nullable() })), (data) => data.node);
}
