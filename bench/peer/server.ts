import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import { createGraphQLListener } from '../../src/api/graphql-http.ts';

/** The peer's type definitions: the README's graph model written for the Neo4j GraphQL Library. */
export function readPeerTypeDefs(): string {
  return readFileSync(new URL('./type-defs.graphql', import.meta.url), 'utf8');
}

/**
 * Starts the server a user of the Neo4j GraphQL Library would build over hoptac's graph: its
 * generated schema on Apollo Server 5 at `/graphql`, its POSTs taken by the same request listener
 * as hoptac's API and, like it, without Apollo's cache-control plugin (so only the
 * GraphQL-to-Cypher layer differs). Port 0 picks a free port.
 */
export async function startPeerServer(options: {
  driver: Driver;
  database: string;
  host: string;
  port: number;
}): Promise<{ url: string; close(): Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs: readPeerTypeDefs(), driver: options.driver }).getSchema();
  const httpServer = createServer();
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginDrainHttpServer({ httpServer })] });
  await apollo.start();
  const context = async () => ({ sessionConfig: { database: options.database } });
  const notFound = (_req: unknown, res: { statusCode: number; end(): void }) => {
    res.statusCode = 404;
    res.end();
  };
  httpServer.on('request', createGraphQLListener(apollo, { path: '/graphql', maxBodyBytes: 5 * 1024 * 1024, headers: {}, context }, notFound));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/graphql`,
    close: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
