import { z } from 'zod';
import type { Subgraph } from '../graph/subgraph.ts';
import neighborhoodQuery from './queries/neighborhood.graphql?raw';
import networkQuery from './queries/network.graphql?raw';
import reportQuery from './queries/report.graphql?raw';
import searchQuery from './queries/search.graphql?raw';

/** Where the page finds the API: the same server, unless `?api=` says otherwise. */
const endpoint = new URLSearchParams(location.search).get('api') ?? '/graphql';

const errorListSchema = z.array(z.object({ message: z.string(), extensions: z.object({ code: z.string().optional() }).optional() }));

/** A failed request, as the page shows it: the API's message and stable code. */
export type ApiFailure = { ok: false; message: string; code: string };
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

/** Posts one GraphQL operation and parses its `data` with a zod schema; failures are values. */
async function requestGraphql<T>(query: string, variables: Record<string, unknown>, schema: z.ZodType<T>): Promise<ApiResult<T>> {
  let body: unknown;
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    body = await response.json();
  } catch (error) {
    return { ok: false, message: `The API did not answer (${String(error)})`, code: 'NETWORK' };
  }
  const envelope = z.object({ data: z.unknown().optional(), errors: errorListSchema.optional() }).safeParse(body);
  if (!envelope.success) return { ok: false, message: 'The API answered something unexpected', code: 'BAD_RESPONSE' };
  const firstError = envelope.data.errors?.[0];
  if (firstError) return { ok: false, message: firstError.message, code: firstError.extensions?.code ?? 'ERROR' };
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, message: `Unexpected data: ${data.error.issues[0]?.message ?? ''}`, code: 'BAD_RESPONSE' };
  return { ok: true, data: data.data };
}

const subgraphSchema = z.object({
  nodes: z.array(z.object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    province: z.string().nullable(),
    date: z.string().nullable(),
  })),
  edges: z.array(z.object({
    id: z.string(),
    type: z.string(),
    source: z.string(),
    target: z.string(),
    attributes: z.record(z.string(), z.unknown()).nullable().transform((value) => value ?? {}),
    evidence: z.array(z.object({ reportId: z.string(), start: z.number(), end: z.number(), text: z.string() }))
      .transform((list) => list.map(({ reportId, ...rest }) => ({ report: reportId, ...rest }))),
  })),
});

/** One search result. */
export type SearchHit = { id: string; name: string; type: string; score: number };

/** Finds entities by name, accent-insensitively (the API's `search`). */
export async function searchEntities(text: string): Promise<ApiResult<SearchHit[]>> {
  const schema = z.object({
    search: z.array(z.object({ score: z.number(), node: z.object({ id: z.string(), name: z.string(), type: z.string() }) })),
  });
  const result = await requestGraphql(searchQuery, { text, first: 25 }, schema);
  return result.ok ? { ok: true, data: result.data.search.map(({ score, node }) => ({ ...node, score })) } : result;
}

/** The subgraph around an entity (the API's `neighborhood`). */
export async function fetchNeighborhood(id: string, depth: number): Promise<ApiResult<Subgraph>> {
  const result = await requestGraphql(neighborhoodQuery, { id, depth }, z.object({ neighborhood: subgraphSchema }));
  return result.ok ? { ok: true, data: result.data.neighborhood } : result;
}

/** A province's or a date range's network, or the whole graph (the analytics `network` query). */
export async function fetchNetwork(selection: { province?: string; from?: string; to?: string; all?: boolean }): Promise<ApiResult<Subgraph>> {
  const result = await requestGraphql(networkQuery, { selection }, z.object({ network: subgraphSchema }));
  return result.ok ? { ok: true, data: result.data.network } : result;
}

/** A report with the text evidence offsets refer to. */
export type ReportText = { id: string; title: string; url: string | null; publishedAt: string | null; source: string | null; text: string };

/** Fetches one report's text to show a sentence in context. */
export async function fetchReport(id: string): Promise<ApiResult<ReportText | null>> {
  const reportSchema = z.object({
    id: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    publishedAt: z.string().nullable(),
    source: z.string().nullable(),
    text: z.string(),
  });
  const result = await requestGraphql(reportQuery, { id }, z.object({ node: reportSchema.passthrough().nullable() }));
  return result.ok ? { ok: true, data: result.data.node } : result;
}
