import { print } from 'graphql';
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';
import { z } from 'zod';
import entityRefFragment from './queries/fragments/entity-ref.graphql?raw';
import reportRefFragment from './queries/fragments/report-ref.graphql?raw';

/** Where the page finds the API: the same server, unless `?api=` says otherwise. */
const endpoint = new URLSearchParams(location.search).get('api') ?? '/graphql';

const errorListSchema = z.array(z.object({ message: z.string(), extensions: z.object({ code: z.string().optional() }).optional() }));

/** A failed request, as the page shows it: the API's message and stable code. */
export type ApiFailure = { ok: false; message: string; code: string };
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

/**
 * Posts one GraphQL operation and parses its `data` with a zod schema; failures are values.
 * `signal` lets a caller drop a request it no longer needs (search-as-you-type).
 */
export async function requestGraphql<T>(
  document: DocumentNode,
  variables: Record<string, unknown>,
  schema: z.ZodType<T>,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  let body: unknown;
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: printed(document), variables }),
      ...(signal ? { signal } : {}),
    });
    body = await response.json();
  } catch (error) {
    if (signal?.aborted) return { ok: false, message: 'aborted', code: 'ABORTED' };
    return { ok: false, message: `The API did not answer (${String(error)})`, code: 'NETWORK' };
  }
  const envelope = z.object({ data: z.unknown().optional(), errors: errorListSchema.optional() }).safeParse(body);
  if (!envelope.success) return { ok: false, message: 'The API answered something unexpected', code: 'BAD_RESPONSE' };
  const firstError = envelope.data.errors?.[0];
  if (firstError) return { ok: false, message: firstError.message, code: firstError.extensions?.code ?? 'ERROR' };
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, message: `Unexpected data: ${data.error.issues[0]?.path.join('.') ?? ''} ${data.error.issues[0]?.message ?? ''}`, code: 'BAD_RESPONSE' };
  return { ok: true, data: data.data };
}

/** Maps a successful result's data; a failure passes through. */
export function mapResult<T, U>(result: ApiResult<T>, map: (data: T) => U): ApiResult<U> {
  return result.ok ? { ok: true, data: map(result.data) } : result;
}

/** One sentence stating a relationship, with where it stands in its report's text. */
export const evidenceSchema = z.object({ reportId: z.string(), start: z.number(), end: z.number(), text: z.string() });
export type Evidence = z.infer<typeof evidenceSchema>;

/** An entity as lists show it: what it is, where, when. */
export const entityRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  date: z.string().nullish().transform((value) => value ?? null),
  province: z.object({ name: z.string() }).nullish().transform((value) => value?.name ?? null),
});
export type EntityRef = z.infer<typeof entityRefSchema>;

/** The fragments the page's operations share (`queries/fragments/`), by name. */
const FRAGMENTS: Readonly<Record<string, string>> = { EntityRef: entityRefFragment, ReportRef: reportRefFragment };

/**
 * One of the page's operations (`queries/*.graphql`) with the shared fragments it spreads (GraphQL
 * wants their definitions in the same document, and refuses ones it does not use), parsed by
 * graphql-tag, which keeps what it parsed.
 */
export function operation(source: string): DocumentNode {
  const spread = Object.entries(FRAGMENTS).filter(([name]) => source.includes(`...${name}`));
  return gql([source, ...spread.map(([, fragment]) => fragment)].join('\n'));
}

const printedDocuments = new WeakMap<DocumentNode, string>();

/** The text sent for a document, printed once. */
function printed(document: DocumentNode): string {
  let text = printedDocuments.get(document);
  if (text === undefined) printedDocuments.set(document, (text = print(document)));
  return text;
}

export const subgraphSchema = z.object({
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
    evidence: z.array(evidenceSchema).transform((list) => list.map(({ reportId, ...rest }) => ({ report: reportId, ...rest }))),
  })),
});
