import { z } from 'zod';

/** A GraphQL response as tests read it. */
export type GraphqlResponse = {
  status: number;
  data: Record<string, unknown> | null;
  errors: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
};

const responseSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ message: z.string(), extensions: z.record(z.string(), z.unknown()).optional(), path: z.array(z.unknown()).optional() })).optional(),
});

/** Posts one operation to the API over HTTP, like any client would. */
export async function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = responseSchema.parse(await response.json());
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
}

/** The codes of a response's errors, in order. */
export function errorCodes(response: GraphqlResponse): unknown[] {
  return response.errors.map((e) => e.extensions?.code);
}
