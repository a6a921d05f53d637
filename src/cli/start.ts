import createDebug from 'debug';
import { mountAnalystRoutes } from '../web/routes.ts';
import { startApiServer } from '../api/server.ts';
import { loadConfig } from '../config.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../graph/database.ts';
import type { Database } from '../graph/database.ts';
import { ensureProvinces } from '../graph/ensure-provinces.ts';
import { ingestPaths, isGraphEmpty } from '../graph/ingest.ts';
import { isLauncherStale } from '../graph/local-neo4j.ts';
import { applySchema } from '../graph/migrate.ts';
import { createCommand, parseCommand } from './command.ts';
import { EXIT } from './exit-codes.ts';
import { reportFailure } from './failures.ts';

const log = createDebug('hoptac:start');

/** The sample reports loaded into an empty graph, relative to the working directory (the repo root under `npm start`). */
const SEED_PATHS = ['seeds'];

type Running = { close(): Promise<void> };
const running: Running[] = [];
let stopping = false;

/**
 * `hoptac start` (`npm start`): database up (local embedded Neo4j, or NEO4J_URI) → schema applied → the seed reports
 * ingested when the graph holds no report → GraphQL API served → one line with the URL. Runs until
 * SIGINT/SIGTERM, then closes the server, the driver and the local Neo4j, in that order.
 */
async function runStart(): Promise<void> {
  const config = loadConfig();
  if (config.neo4j.uri === undefined && isLauncherStale()) {
    say('building the local Neo4j with Maven (the first time downloads about 170 MB; later builds are offline) …');
  }
  say(config.neo4j.uri === undefined ? `starting the local Neo4j (data in ${config.neo4j.localData}) …` : `connecting to ${config.neo4j.uri} …`);
  const database = await openDatabase(config.neo4j, {
    say: (line) => process.stderr.write(`${line}\n`),
    onGiveUp: () => void stopAll(EXIT.database),
  });
  running.unshift(database);
  if (stopping) return;
  if (database.pid !== null) say(`local Neo4j ready at ${database.uri} (pid ${database.pid})`);
  await prepareGraph(database);
  if (stopping) return;
  const server = await startApiServer({
    config,
    database,
    mount: [(app, services) => mountAnalystRoutes(app, { analyzer: services.analyzer })],
  });
  running.unshift(server);
  say(`hoptac GraphQL API ready at ${server.url} (Neo4j at ${database.uri}${describeAuth(config)}); Ctrl-C stops it`);
}

async function prepareGraph(database: Database): Promise<void> {
  const schema = await applySchema(database.gateway);
  log('schema: %d statements', schema.applied.length);
  for (const [name, changed] of Object.entries(schema.backfilled)) {
    if (changed > 0) say(`${name}: ${changed} nodes of an earlier version's graph updated`);
  }
  await ensureProvinces(database.gateway);
  if (!(await isGraphEmpty(database.gateway))) return;
  say(`the graph holds no report yet: loading ${SEED_PATHS.join(', ')}/ …`);
  const summary = await ingestPaths(database.gateway, SEED_PATHS);
  say(`loaded ${summary.loaded} reports (${summary.failed.length} failed) in ${summary.seconds.toFixed(1)} s`);
  for (const failure of summary.failed) say(`  ${failure.file}: ${failure.reason}`);
}

function describeAuth(config: Config): string {
  return config.api.apiKey === undefined ? '' : '; mutations need the API key';
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const resource of running.splice(0)) {
    await resource.close().catch((error: unknown) => log('close failed: %O', error));
  }
  if (exitCode === EXIT.ok) say('stopped');
  process.exit(exitCode);
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * Runs `hoptac start` until a signal stops it. Exit codes: 0 stopped by a signal, 1 unexpected
 * error, 2 bad configuration, 3 database unavailable (also when the built-in Neo4j died and
 * `NEO4J_LOCAL_RESTARTS` restarts failed).
 */
export async function main(argv: string[]): Promise<number> {
  const program = createCommand('start', [
    'hoptac start',
    'PORT=8080 HOPTAC_API_KEY=secret hoptac start',
    'NEO4J_URI=neo4j+s://xxxxxxxx.databases.neo4j.io NEO4J_PASSWORD=… hoptac start',
  ]).description(
    'Start the database (the local Neo4j unless NEO4J_URI is set), load seeds/ into an empty graph and serve the GraphQL API, /export and the network page until Ctrl-C.',
  );
  if (!parseCommand(program, argv)) return Number(process.exitCode ?? EXIT.usage);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return; // a second Ctrl-C while stopping changes nothing; the JVM still stops cleanly
      say(`${signal}: stopping …`);
      void stopAll(EXIT.ok);
    });
  }
  try {
    await runStart();
  } catch (error) {
    await stopAll(reportFailure('hoptac', error));
  }
  return EXIT.ok;
}
