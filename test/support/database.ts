import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { cypher } from '../../src/graph/cypher.ts';
import { connect, gatewayOptions, localAddress } from '../../src/graph/database.ts';
import type { Database } from '../../src/graph/database.ts';
import { Gateway } from '../../src/graph/gateway.ts';
import type { GatewayOptions } from '../../src/graph/gateway.ts';

/**
 * Connects to the Neo4j of this test run (started by `test/global-setup.ts`, or NEO4J_URI). Close it
 * in `afterAll`; closing does not stop the shared server. The gateway bounds its reads as the
 * configuration says (as `npm start` does) unless `options` say otherwise.
 */
export async function openTestDatabase(options?: GatewayOptions): Promise<Database> {
  const uri = inject('neo4jUri');
  const external = inject('neo4jExternal');
  const { neo4j: config } = loadConfig();
  const auth = external ? neo4j.auth.basic(config.user, config.password) : neo4j.auth.basic('neo4j', '');
  const database = external ? config.database : 'neo4j';
  const driver = await connect(uri, auth, database);
  const gateway = new Gateway(driver, database, options ?? gatewayOptions(config));
  const address = external
    ? { uri, user: config.user, password: config.password, ...(database ? { database } : {}) }
    : localAddress(uri);
  return { gateway, uri, address, pid: null, close: () => gateway.close() };
}

/** Deletes every node and relationship (in batches), keeping constraints and indexes. */
export async function resetGraph(gateway: Gateway): Promise<void> {
  for (;;) {
    const deleted = await gateway.write(async (tx) => {
      const result = await tx.run(cypher('platform/delete-batch'), { batch: neo4j.int(10_000) });
      return result.records[0]?.get('deleted').toNumber() ?? 0;
    });
    if (deleted === 0) return;
  }
}
