import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer, BaseContext, HTTPGraphQLRequest } from '@apollo/server';
import getRawBody from 'raw-body';

/** Answers a request the GraphQL handler does not take (express, for everything else). */
export type Fallback = (req: IncomingMessage, res: ServerResponse) => void;

export type GraphQLHandlerOptions<TContext extends BaseContext> = {
  /** The path GraphQL answers on. */
  path: string;
  /** Largest request body accepted, in bytes; larger ones get 413. */
  maxBodyBytes: number;
  /** Headers set on every answer to a POST (CORS, caching). */
  headers: Record<string, string>;
  context: (req: IncomingMessage) => Promise<TContext>;
};

/**
 * The request listener of the API: a `POST` to `options.path` goes straight from Node's HTTP
 * server to Apollo (`executeHTTPGraphQLRequest`, the API Apollo documents for integrations), and
 * every other request to `fallback` (express: the landing page and `GET` queries, preflight, the
 * network page). Express's router, body parser and ETag hashing took about 40% of the API's CPU
 * for a lookup by id, and such `POST`s are nearly all the API's traffic.
 *
 * A JSON body is parsed here (413 past `maxBodyBytes`, 400 if it is not JSON); any other body is
 * drained and left out, so Apollo answers it as it would through express (its CSRF prevention,
 * then "invalid Content-Type").
 */
export function createGraphQLListener<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: GraphQLHandlerOptions<TContext>,
  fallback: Fallback,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method !== 'POST' || pathOf(req.url) !== options.path) {
      fallback(req, res);
      return;
    }
    readJsonBody(req, options.maxBodyBytes)
      .then((body) => answer(apollo, options, req, res, body))
      .catch((error: unknown) => {
        if (error instanceof BodyError) sendError(res, error.status, error.message, options.headers);
        else sendError(res, 500, 'Internal server error.', options.headers);
      });
  };
}

async function answer<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: GraphQLHandlerOptions<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: 'POST',
    headers,
    search: query < 0 ? '' : url.slice(query),
    body,
  };
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    context: () => options.context(req),
  });
  for (const [key, value] of Object.entries(options.headers)) res.setHeader(key, value);
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** A request body refused before Apollo sees it: `status` is 400 or 413. */
class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/**
 * The parsed JSON body, or undefined when the body is not JSON (drained unread). Refused with 413
 * past `limit` bytes and with 400 when it cannot be read or does not parse.
 */
async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!isJson(req.headers['content-type'])) {
    req.resume();
    return undefined;
  }
  let text: string;
  try {
    text = await getRawBody(req, { limit, length: req.headers['content-length'], encoding: 'utf-8' });
  } catch (error) {
    const status = (error as { status?: number }).status === 413 ? 413 : 400;
    throw new BodyError(status, status === 413 ? `The request body is larger than ${limit} bytes.` : `The request body could not be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BodyError(400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** A GraphQL-shaped error answer (`BAD_REQUEST` for 4xx, `INTERNAL_SERVER_ERROR` otherwise). */
function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string>): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  const code = status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType);
}

function pathOf(url: string | undefined): string {
  const query = url?.indexOf('?') ?? -1;
  return query < 0 ? (url ?? '') : url!.slice(0, query);
}
