import { Command, Option } from 'commander';
import neo4j from 'neo4j-driver';
import { startApiServer } from '../src/api/server.ts';
import { loadConfig } from '../src/config.ts';
import { connect, gatewayOptions, localAddress } from '../src/graph/database.ts';
import { Gateway } from '../src/graph/gateway.ts';
import { startPeerServer } from './peer/server.ts';

/**
 * One GraphQL server of the benchmark, in its own process so the load generator never shares
 * its event loop: `hoptac` (the project's API) or `peer` (the Neo4j GraphQL Library), both over
 * the Neo4j at `--uri`. Prints one JSON line `{"url": …}` once listening; stops when stdin closes.
 *
 *   npx tsx bench/serve.ts --server hoptac --uri bolt://127.0.0.1:7701
 */
const opts = new Command()
  .addOption(new Option('--server <name>', 'which server').choices(['hoptac', 'peer']).makeOptionMandatory())
  .requiredOption('--uri <bolt>', 'the Neo4j to query (auth off)')
  .option('--database <name>', 'database name', 'neo4j')
  .parse()
  .opts<{ server: 'hoptac' | 'peer'; uri: string; database: string }>();

// The benchmark's own settings, never the environment: defaults, loopback, a free port. The
// benchmark's Neo4j runs on this machine, so hoptac bounds its reads as with the built-in one.
const defaults = loadConfig({});
const config = { ...defaults, api: { ...defaults.api, host: '127.0.0.1', port: 0 } };
const driver = await connect(opts.uri, neo4j.auth.basic('neo4j', ''), opts.database);
const gateway = new Gateway(driver, opts.database, gatewayOptions(defaults.neo4j));
const server =
  opts.server === 'hoptac'
    ? await startApiServer({ config, database: { gateway, address: { ...localAddress(opts.uri), database: opts.database } } })
    : await startPeerServer({ driver, database: opts.database, host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

const stop = async (): Promise<void> => {
  await server.close();
  await gateway.close();
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
