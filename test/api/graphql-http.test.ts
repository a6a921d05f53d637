import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphQLListener } from '../../src/api/graphql-http.ts';

/** The API's request listener: GraphQL POSTs straight to Apollo, everything else to the fallback. */

type Context = { caller: string | null };

const LIMIT = 2_000;
const CORS = { 'Access-Control-Allow-Origin': '*' };
let apollo: ApolloServer<Context>;
let server: Server;
let base: string;
let fallbackCalls: string[];

beforeAll(async () => {
  apollo = new ApolloServer<Context>({
    typeDefs: 'type Query { caller: String echo(text: String!): String! }',
    resolvers: { Query: { caller: (_: unknown, __: unknown, context: Context) => context.caller, echo: (_: unknown, args: { text: string }) => args.text } },
  });
  await apollo.start();
  const fallback = (req: IncomingMessage, res: ServerResponse) => {
    fallbackCalls.push(`${req.method} ${req.url}`);
    res.statusCode = 299;
    res.end('fallback');
  };
  const context = async (req: IncomingMessage): Promise<Context> => ({ caller: (req.headers['x-api-key'] as string | undefined) ?? null });
  server = createServer(createGraphQLListener(apollo, { path: '/graphql', maxBodyBytes: LIMIT, headers: CORS, context }, fallback));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await apollo.stop();
});

beforeEach(() => {
  fallbackCalls = [];
});

const postJson = (body: string, path = '/graphql', headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('GraphQL POSTs', () => {
  it('answers a JSON POST through Apollo, with the context built from the request and the CORS headers', async () => {
    const response = await postJson(JSON.stringify({ query: 'query($t: String!) { caller echo(text: $t) }', variables: { t: 'Hòa Bình' } }), '/graphql', {
      'x-api-key': 'k1',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ data: { caller: 'k1', echo: 'Hòa Bình' } });
    expect(fallbackCalls).toEqual([]);
  });

  it('takes the path with a query string and a content type with parameters', async () => {
    const response = await postJson(JSON.stringify({ query: '{ echo(text: "x") }' }), '/graphql?trace=1', { 'content-type': 'application/json; charset=utf-8' });
    expect(await response.json()).toEqual({ data: { echo: 'x' } });
  });

  it('refuses a body that is not JSON with 400 BAD_REQUEST, and keeps serving', async () => {
    const response = await postJson('{"query": "{ caller }"');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]?.message).toMatch(/^The request body is not valid JSON/);
    expect((await postJson(JSON.stringify({ query: '{ echo(text: "still") }' }))).status).toBe(200);
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await postJson(JSON.stringify({ query: '{ echo(text: "x") }', variables: { pad: 'x'.repeat(LIMIT) } }));
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toBe(`The request body is larger than ${LIMIT} bytes.`);
  });

  it("leaves a body that is not JSON to Apollo's own refusal (CSRF prevention), never to the fallback", async () => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ caller }' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
    expect(fallbackCalls).toEqual([]);
  });
});

describe('everything else', () => {
  it('goes to the fallback: GET on the GraphQL path, POST elsewhere, preflight', async () => {
    const answers = [
      await fetch(`${base}/graphql?query=%7Bcaller%7D`),
      await postJson(JSON.stringify({ query: '{ caller }' }), '/graphql/extra'),
      await fetch(`${base}/graphql`, { method: 'OPTIONS' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([299, 299, 299]);
    expect(fallbackCalls).toEqual(['GET /graphql?query=%7Bcaller%7D', 'POST /graphql/extra', 'OPTIONS /graphql']);
  });
});
