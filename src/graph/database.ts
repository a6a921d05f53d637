import createDebug from 'debug';
import neo4j from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { DatabaseUnavailableError, Gateway } from './gateway.ts';
import type { GatewayOptions } from './gateway.ts';
import { startLocalNeo4j } from './local-neo4j.ts';
import type { LocalNeo4j } from './local-neo4j.ts';
import { superviseLocalNeo4j } from './supervise-neo4j.ts';
import type { SupervisorOptions } from './supervise-neo4j.ts';

const log = createDebug('hoptac:graph');

/**
 * An open database: the gateway to query it, where it is, how to let it go, and the process id
 * of the local Neo4j this process started (null for a server at `NEO4J_URI`).
 */
export type Database = {
  gateway: Gateway;
  uri: string;
  /** How another thread connects to the same database (worker threads open their own driver). */
  address: DatabaseAddress;
  /** The built-in Neo4j's JVM now (it changes when a supervised JVM is restarted). */
  pid: number | null;
  /** Why the database is known to be down without asking it (the built-in Neo4j is being restarted), or null. */
  knownDown?: () => string | null;
  close(): Promise<void>;
};

/** Where the database is and how to log in: what a worker thread needs to open a driver of its own. */
export type DatabaseAddress = { uri: string; user: string; password: string; database?: string };

/** How long connecting to an external server may take before start-up gives up. */
const CONNECT_TIMEOUT_MS = 25_000;

/** How a long-running command has the built-in Neo4j looked after (`npm start`): what to say, and what to do when restarts keep failing. */
export type Supervision = Pick<SupervisorOptions, 'say' | 'onGiveUp'>;

/**
 * Opens the database every command uses. With `uri` unset, starts the local embedded Neo4j on
 * `localPort` over `localData` (building it first if needed) and stops it on `close()` or when this
 * process ends; otherwise connects to the given server. Either way connectivity is verified before
 * returning; an unreachable server fails within ~30 s with `DatabaseUnavailableError` naming the URI.
 * With `supervision`, a built-in Neo4j that dies is restarted (`superviseLocalNeo4j`).
 */
export async function openDatabase(config: Config['neo4j'], supervision?: Supervision): Promise<Database> {
  if (config.uri !== undefined) {
    const driver = await connect(config.uri, neo4j.auth.basic(config.user, config.password), config.database);
    const gateway = new Gateway(driver, config.database, gatewayOptions(config));
    const address = { uri: config.uri, user: config.user, password: config.password, ...(config.database ? { database: config.database } : {}) };
    return { gateway, uri: config.uri, address, pid: null, close: () => gateway.close() };
  }
  const start = () => startLocalNeo4j({ port: config.localPort, dataDir: config.localData, pageCacheBytes: config.localPageCacheBytes });
  const local = await start();
  const database = await openLocal(local, gatewayOptions(config));
  if (!supervision) return database;
  const supervisor = superviseLocalNeo4j(local, { ...supervision, restart: start, maxRestarts: config.localRestarts });
  return {
    ...database,
    get pid() {
      return supervisor.current.pid > 0 ? supervisor.current.pid : null;
    },
    knownDown: () => (supervisor.state === 'running' ? null : `the local Neo4j is ${supervisor.state === 'restarting' ? 'being restarted' : 'stopped'}`),
    close: async () => {
      await database.gateway.close();
      await supervisor.stop();
    },
  };
}

/** The gateway options the configuration gives (the bound on concurrent API reads, when there is one). */
export function gatewayOptions(config: Config['neo4j']): GatewayOptions {
  return config.maxConcurrentReads === undefined ? {} : { maxConcurrentReads: config.maxConcurrentReads };
}

async function openLocal(local: LocalNeo4j, options: GatewayOptions): Promise<Database> {
  let driver: Driver;
  try {
    driver = await connect(local.uri, neo4j.auth.basic('neo4j', ''), 'neo4j');
  } catch (error) {
    await local.stop();
    throw error;
  }
  const gateway = new Gateway(driver, 'neo4j', options);
  return {
    gateway,
    uri: local.uri,
    address: localAddress(local.uri),
    pid: local.pid > 0 ? local.pid : null,
    close: async () => {
      await gateway.close();
      await local.stop();
    },
  };
}

/** The address of a built-in Neo4j: authentication off, the default database. */
export function localAddress(uri: string): DatabaseAddress {
  return { uri, user: 'neo4j', password: '', database: 'neo4j' };
}

/** Opens a driver and gateway at an address, as `openDatabase` does for a server at `NEO4J_URI` (no bound on reads). */
export async function connectAddress(address: DatabaseAddress): Promise<Gateway> {
  const driver = await connect(address.uri, neo4j.auth.basic(address.user, address.password), address.database);
  return new Gateway(driver, address.database);
}

/**
 * Creates a driver for `uri` and proves it can reach `database`; closes it and throws
 * `DatabaseUnavailableError` (message names the URI) when that fails or takes too long.
 */
export async function connect(uri: string, auth: ReturnType<typeof neo4j.auth.basic>, database?: string): Promise<Driver> {
  const driver = neo4j.driver(uri, auth, {
    connectionTimeout: CONNECT_TIMEOUT_MS - 5000,
    connectionAcquisitionTimeout: CONNECT_TIMEOUT_MS - 5000,
    maxTransactionRetryTime: 15_000,
    disableLosslessIntegers: false,
    userAgent: 'hoptac',
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
  });
  try {
    await Promise.race([driver.verifyConnectivity(database === undefined ? {} : { database }), timeout]);
    log('connected to %s', uri);
    return driver;
  } catch (error) {
    await driver.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DatabaseUnavailableError(`cannot connect to Neo4j at ${uri}: ${reason}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
