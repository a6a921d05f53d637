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
import { createApiContext } from './context.ts';
import type { ApiContext } from './context.ts';
import { createErrorFormatter } from './errors.ts';
import { createGraphQLListener } from './graphql-http.ts';
import { createLimitsPlugin } from './limits.ts';
import { createResolvers } from './resolvers/index.ts';
import { createSharedReads, warmSharedReads } from './shared-reads.ts';
import { readTypeDefs } from './type-defs.ts';

const log = createDebug('hoptac:api');

export type ApiServerOptions = {
  config: Config;
  database: Pick<Database, 'gateway'>;
  /** Extra routes mounted before `/graphql` (the network page, downloads). */
  mount?: ((app: express.Express) => void)[];
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
    typeDefs: readTypeDefs(),
    resolvers: createResolvers(),
    introspection: true,
    includeStacktraceInErrorResponses: config.api.development,
    formatError: createErrorFormatter(config.api.development),
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      createLimitsPlugin(config.api),
      // Apollo's landing page loads Sandbox from a CDN; the IDE is the page build's GraphiQL (src/web/routes.ts).
      ApolloServerPluginLandingPageDisabled(),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })] : []),
    ],
  });
  await apollo.start();

  const shared = createSharedReads(database.gateway, { timeoutMs: config.api.queryTimeoutMs });
  await warmSharedReads(shared);
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await database.gateway.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable' });
  });
  for (const mount of options.mount ?? []) mount(app);
  const context = async (req: IncomingMessage) => createApiContext(config.api, database.gateway, shared, req.headers);
  // POSTs to /graphql never reach express (see `listener`); this serves the landing page, GET queries and
  // preflight (express.json only so that `req.body` exists, as the integration requires).
  app.use(
    '/graphql',
    allowCrossOrigin,
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(apollo, { context: async ({ req }) => context(req) }),
  );
  const listener = createGraphQLListener(apollo, { path: '/graphql', maxBodyBytes: MAX_BODY_BYTES, headers: GRAPHQL_HEADERS, context }, app);
  return { listener, app, apollo, stop: () => apollo.stop() };
}

/** Largest GraphQL request body accepted (a query with its variables). */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

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

/** Starts the API on `config.api.host:port` (port 0 picks a free one); `close()` drains requests and stops Apollo. */
export async function startApiServer(options: ApiServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const httpServer = createServer();
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
