import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.ts';
import { startLocalNeo4j } from '../src/graph/local-neo4j.ts';
import { findFreePort } from '../src/graph/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Bolt URI integration tests connect to. */
    neo4jUri: string;
    /** True when the tests run against NEO4J_URI rather than a Neo4j this run started. */
    neo4jExternal: boolean;
    /** Data directory of the Neo4j this run started; empty with NEO4J_URI. */
    neo4jDataDir: string;
  }
}

/**
 * Once per `npm test` run (integration project only): starts a throw-away local Neo4j on a free port
 * over a temporary data directory, or uses NEO4J_URI when set, and stops and deletes it at the end,
 * also when tests fail.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  if (config.neo4j.uri !== undefined) {
    project.provide('neo4jUri', config.neo4j.uri);
    project.provide('neo4jExternal', true);
    project.provide('neo4jDataDir', '');
    return async () => undefined;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'hoptac-test-neo4j-'));
  const local = await startLocalNeo4j({ port: await findFreePort(), dataDir }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  project.provide('neo4jUri', local.uri);
  project.provide('neo4jExternal', false);
  project.provide('neo4jDataDir', local.dataDir);
  return async () => {
    await local.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
