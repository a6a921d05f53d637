import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import createDebug from 'debug';
import express from 'express';
import type { Config } from '../config.ts';
import type { Database } from '../graph/database.ts';
import { createAnalyzer } from '../workers/analyzer.ts';
import { createReportIngester } from '../workers/report-ingester.ts';
import { createApiContext } from './context.ts';
import type { ApiContext, ApiServices } from './context.ts';
import { createErrorFormatter } from './errors.ts';
import { createGraphQLListener } from './graphql-http.ts';
import { createOperationGuard } from './operation-guard.ts';
import { createReadiness } from './readiness.ts';
import { createResolvers } from './resolvers/index.ts';
import { createResponseCap } from './response-cap.ts';
import { createSharedReads, warmSharedReads } from './shared-reads.ts';
import { parseTypeDefs } from './type-defs.ts';

const log = createDebug('hoptac:api');

export type ApiServerOptions = {
  config: Config;
  database: Pick<Database, 'gateway' | 'address'> & Partial<Pick<Database, 'knownDown'>>;
  /** Extra routes mounted before `/graphql` (the network page, downloads), with the server's worker threads. */
  mount?: ((app: express.Express, services: ApiServices) => void)[];
  /** The HTTP server the app will listen on, so shutdown drains open requests. */
  httpServer?: Server;
};

export type ApiApp = {
  /** The HTTP server's request listener: POSTs to `/graphql` straight to Apollo, the rest to `app`. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  app: express.Express;
  apollo: ApolloServer<ApiContext>;
  stop(): Promise<void>;
};

/**
 * The express 5 app: Apollo at `/graphql` (the GraphQL IDE on GET comes with the analyst routes),
 * `/healthz` (200 while the process is up) and `/readyz` (200 when Neo4j answers, else 503).
 */
export async function createApiApp(options: ApiServerOptions): Promise<ApiApp> {
  const { config, database } = options;
  const apollo = new ApolloServer<ApiContext>({
    typeDefs: parseTypeDefs(),
    resolvers: createResolvers(),
    introspection: true,
    includeStacktraceInErrorResponses: config.api.development,
    formatError: createErrorFormatter(config.api.development),
    // Parsing stops past this many tokens, which also bounds validation: graphql-js's overlapping-fields
    // rule is quadratic in fields of one name, 17 ms at most at 2,000 tokens (0.35 s at 5,000).
    parseOptions: { maxTokens: config.api.maxTokens },
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      createOperationGuard(config.api),
      createResponseCap(config.api.maxResponseBytes),
      // Apollo's landing page loads Sandbox from a CDN; the IDE is the page build's GraphiQL (src/web/routes.ts).
      ApolloServerPluginLandingPageDisabled(),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })] : []),
    ],
  });
  await apollo.start();

  const shared = createSharedReads(database.gateway, { timeoutMs: config.api.queryTimeoutMs });
  await warmSharedReads(shared);
  const services: ApiServices = {
    ingester: createReportIngester({
      address: database.address,
      extractTimeoutMs: config.reports.extractTimeoutMs,
      writeTimeoutMs: config.api.queryTimeoutMs,
    }),
    analyzer: createAnalyzer({
      address: database.address,
      threads: config.api.maxExports,
      timeoutMs: config.api.exportTimeoutMs,
      readTimeoutMs: config.api.queryTimeoutMs,
    }),
    reportLimits: { maxBytes: config.reports.maxBytes },
  };
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const readiness = createReadiness({
    ping: () => database.gateway.ping(),
    ...(database.knownDown ? { knownDown: database.knownDown } : {}),
  });
  app.get('/readyz', async (_req, res) => {
    const { ready, status } = await readiness();
    res.status(ready ? 200 : 503).json({ status });
  });
  for (const mount of options.mount ?? []) mount(app, services);
  const context = async (req: IncomingMessage) => createApiContext(config.api, database.gateway, shared, services, req.headers);
  // POSTs to /graphql never reach express (see `listener`); this serves the landing page, GET queries and
  // preflight (express.json only so that `req.body` exists, as the integration requires).
  app.use(
    '/graphql',
    allowCrossOrigin,
    express.json({ limit: config.api.maxBodyBytes }),
    expressMiddleware(apollo, { context: async ({ req }) => context(req) }),
  );
  const listener = createGraphQLListener(apollo, { path: '/graphql', maxBodyBytes: config.api.maxBodyBytes, headers: GRAPHQL_HEADERS, context }, app);
  const stop = async (): Promise<void> => {
    await apollo.stop();
    await Promise.all([services.ingester.close(), services.analyzer.close()]);
  };
  return { listener, app, apollo, stop };
}

/**
 * Headers of every `/graphql` answer: browser apps on other origins may query the API (mutations
 * still need the key, so no cookies are involved), and no answer is cached (Apollo's cache-control
 * plugin, which would say the same after looking up a hint for every field resolved, is off).
 */
const GRAPHQL_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type, authorization, x-api-key, apollo-require-preflight',
  'Access-Control-Max-Age': '600',
};

/** Sets the headers of `/graphql` answers and answers preflight requests itself. */
function allowCrossOrigin(req: express.Request, res: express.Response, next: express.NextFunction): void {
  for (const [key, value] of Object.entries(GRAPHQL_HEADERS)) res.setHeader(key, value);
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
}

/**
 * Starts the API on `config.api.host:port` (port 0 picks a free one); `close()` drains requests and
 * stops Apollo. A client has `API_HEADERS_TIMEOUT_MS` to send its headers and
 * `API_REQUEST_TIMEOUT_MS` for the whole request (408 past either), a kept-alive connection is
 * closed after `API_KEEP_ALIVE_TIMEOUT_MS` idle, and past `API_MAX_CONNECTIONS` open connections
 * a new one is closed at once: 500 slow connections held open cannot take the server.
 */
export async function startApiServer(options: ApiServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const { api } = options.config;
  const httpServer = createServer({
    headersTimeout: api.headersTimeoutMs,
    requestTimeout: api.requestTimeoutMs,
    // How often Node looks for connections past those time-outs (its default, 30 s, would let a slow client stay that much longer).
    connectionsCheckingInterval: Math.min(1000, api.headersTimeoutMs),
  });
  httpServer.keepAliveTimeout = api.keepAliveTimeoutMs;
  httpServer.maxConnections = api.maxConnections;
  const { listener, stop } = await createApiApp({ ...options, httpServer });
  httpServer.on('request', listener);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.config.api.port, options.config.api.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.config.api.host.includes(':') ? `[${options.config.api.host}]` : options.config.api.host;
  const url = `http://${host}:${port}/graphql`;
  log('GraphQL API at %s', url);
  return {
    url,
    close: async () => {
      await stop();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
