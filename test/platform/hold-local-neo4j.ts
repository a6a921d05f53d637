// A stand-in for a hoptac command in the lifecycle tests: starts the local Neo4j, reports the
// JVM's pid on stdout, and stops it on SIGTERM/SIGINT the way `npm start` does.
import { startLocalNeo4j } from '../../src/graph/local-neo4j.ts';

const [port, dataDir] = process.argv.slice(2);
if (port === undefined || dataDir === undefined) throw new Error('usage: hold-local-neo4j.ts PORT DATA_DIR');

const local = await startLocalNeo4j({ port: Number(port), dataDir });
process.stdout.write(`${JSON.stringify({ jvmPid: local.pid, uri: local.uri })}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void local.stop().then(() => process.exit(0));
  });
}
setInterval(() => undefined, 60_000);
