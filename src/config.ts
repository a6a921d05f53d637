import { availableParallelism, totalmem } from 'node:os';
import { z } from 'zod';

/** Everything hoptac can be configured with; built once by `loadConfig()` from the environment. */
export type Config = {
  neo4j: {
    /** An external Neo4j (`bolt://`, `neo4j://`, `neo4j+s://` …); unset means the local embedded one. */
    uri?: string;
    user: string;
    password: string;
    /** Database name on an external server; the local one always serves `neo4j`. */
    database?: string;
    localPort: number;
    localData: string;
    /** Page cache of the built-in Neo4j, in bytes: how much of the store it keeps in memory. */
    localPageCacheBytes: number;
    /** Most API read statements running at once (the others wait their turn); unset: no bound. */
    maxConcurrentReads?: number;
    /** Restarts in a row `npm start` tries when the built-in Neo4j dies, before it gives up (0: none). */
    localRestarts: number;
  };
  api: {
    host: string;
    port: number;
    apiKey?: string;
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxPageSize: number;
    queryTimeoutMs: number;
    /** Largest answer sent, in bytes of JSON; larger ones are refused with `RESPONSE_TOO_LARGE`. */
    maxResponseBytes: number;
    /** Largest request body read, in bytes (413 beyond). */
    maxBodyBytes: number;
    /** Most lexical tokens a query may have; parsing stops past it. */
    maxTokens: number;
    /** Time limit of one export or network measure (run in a worker thread). */
    exportTimeoutMs: number;
    /** Exports and network measures computed at once; a few more wait, the rest are refused. */
    maxExports: number;
    /** Most nodes `network` answers with; a larger selection is refused (exports have no such bound). */
    maxNetworkNodes: number;
    /** Time a client has to send a request's headers, the whole request, and between requests on a kept-alive connection. */
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    keepAliveTimeoutMs: number;
    /** Most connections open at once; further ones are closed at once. */
    maxConnections: number;
    development: boolean;
  };
  reports: {
    /** Largest report accepted (a `.txt` file, a feed line's text, an `ingestReport` text), in UTF-8 bytes. */
    maxBytes: number;
    /** Time limit of extracting one report (in a worker thread). */
    extractTimeoutMs: number;
  };
};

/** Start-up failure caused by one bad environment variable; the message names it and what it expects. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(`Invalid configuration: ${variable} expects ${expected}, got ${JSON.stringify(received)}`);
  }
}

const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;

/** One row per variable: the schema and, for the error message, what a valid value looks like. */
type Variable<T> = { schema: z.ZodType<T>; expected: string };

function integerIn(min: number, max: number, fallback: number): Variable<number> {
  return {
    schema: z.coerce.number().int().min(min).max(max).default(fallback),
    expected: `a whole number from ${min} to ${max}`,
  };
}

const KIB = 2 ** 10;
const MIB = 2 ** 20;
const GIB = 2 ** 30;
const UNITS: Record<string, number> = { '': 1, k: KIB, m: MIB, g: GIB };
/** Defaults of the byte sizes that have one (the page cache's depends on the machine). */
const DEFAULT_MAX_RESPONSE_BYTES = 16 * MIB;
const DEFAULT_MAX_BODY_BYTES = 5 * MIB;
const DEFAULT_REPORT_MAX_BYTES = 2 * MIB;
const BYTE_SIZE = /^(\d+)\s*(?:([kmg])(?:i?b)?)?$/i;

/** `8 MiB`, `1024 GiB`, `64 KiB`: a size in the largest unit that divides it. */
function describeSize(bytes: number): string {
  const [unit, size] = bytes % GIB === 0 ? ['GiB', GIB] : bytes % MIB === 0 ? ['MiB', MIB] : ['KiB', KIB];
  return `${bytes / size} ${unit}`;
}

/** A byte size such as `512m`, `2g`, `1536MiB` or `268435456` (units are powers of 1024). */
function byteSize(min: number, max: number, example: string): Variable<number | undefined> {
  return {
    schema: z
      .string()
      .regex(BYTE_SIZE)
      .transform((value) => {
        const [, digits, unit = ''] = BYTE_SIZE.exec(value) ?? [];
        return Number(digits) * UNITS[unit.toLowerCase()]!;
      })
      .pipe(z.number().int().min(min).max(max))
      .optional(),
    expected: `a size from ${describeSize(min)} to ${describeSize(max)}, such as ${example}`,
  };
}

/**
 * The built-in Neo4j's page cache when `NEO4J_LOCAL_PAGE_CACHE` is unset: a quarter of the
 * machine's memory, at least 128 MiB and at most 2 GiB. Neo4j takes the memory as the store is
 * read, so a small graph never uses it all; a large one (the store of 100,000 reports is about
 * 2 GB) is then read from memory instead of from files.
 */
export function defaultPageCacheBytes(machineMemoryBytes: number): number {
  const quarter = Math.floor(machineMemoryBytes / 4 / MIB) * MIB;
  return Math.min(2 ** 31, Math.max(128 * MIB, quarter));
}

/**
 * The bound on concurrent API reads when `NEO4J_MAX_CONCURRENT_READS` is unset and the built-in
 * Neo4j runs on this machine: two per core, so each core has a statement to run while another
 * travels or is decoded. More in flight only time-slice the same cores: on two cores, bounds of 2,
 * 4 and 8 gave the depth-2 neighbourhood at 100,000 reports with 50 clients 5–20% more requests/s
 * than no bound (4 the most), with less Neo4j CPU per request. A server at `NEO4J_URI` gets no bound:
 * its cores and distance are not known here.
 */
export function defaultConcurrentReads(cores: number): number {
  return 2 * Math.max(1, cores);
}

const optionalText: Variable<string | undefined> = { schema: z.string().min(1).optional(), expected: 'a non-empty string' };

/** The environment variables, their defaults, and the `Config` field each one fills. */
export const CONFIG_VARIABLES = {
  NEO4J_URI: {
    schema: z
      .string()
      .refine((value) => isNeo4jUri(value))
      .optional(),
    expected: `a Neo4j URI such as bolt://host:7687, neo4j://host or neo4j+s://host (schemes: ${URI_SCHEMES.join(', ')})`,
  },
  NEO4J_USER: { schema: z.string().min(1).default('neo4j'), expected: 'a user name' },
  NEO4J_PASSWORD: { schema: z.string().default(''), expected: 'a password' },
  NEO4J_DATABASE: {
    schema: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.\-]{2,62}$/)
      .optional(),
    expected: 'a Neo4j database name (letter first, then letters, digits, dots or dashes; 3–63 characters)',
  },
  NEO4J_LOCAL_PORT: integerIn(1, 65535, 7687),
  NEO4J_LOCAL_DATA: { schema: z.string().min(1).default('.data/neo4j'), expected: 'a directory path' },
  NEO4J_LOCAL_PAGE_CACHE: byteSize(8 * MIB, 2 ** 40, '512m or 2g'),
  NEO4J_MAX_CONCURRENT_READS: {
    schema: z.coerce.number().int().min(1).max(1000).optional(),
    expected: 'a whole number from 1 to 1000',
  },
  NEO4J_LOCAL_RESTARTS: integerIn(0, 100, 5),
  HOST: { schema: z.string().min(1).default('127.0.0.1'), expected: 'a host name or IP address to listen on' },
  PORT: integerIn(0, 65535, 4000),
  HOPTAC_API_KEY: optionalText,
  API_MAX_DEPTH: integerIn(1, 100, 10),
  API_MAX_COST: integerIn(1, 10_000_000, 5000),
  API_MAX_ALIASES: integerIn(1, 1000, 30),
  API_MAX_PAGE_SIZE: integerIn(1, 10_000, 500),
  API_QUERY_TIMEOUT_MS: integerIn(100, 600_000, 15_000),
  API_MAX_RESPONSE_BYTES: byteSize(64 * KIB, GIB, '16m'),
  API_MAX_BODY_BYTES: byteSize(64 * KIB, GIB, '5m'),
  API_MAX_TOKENS: integerIn(100, 1_000_000, 2000),
  API_EXPORT_TIMEOUT_MS: integerIn(1000, 3_600_000, 120_000),
  API_MAX_EXPORTS: integerIn(1, 64, 1),
  API_MAX_NETWORK_NODES: integerIn(1, 1_000_000, 5000),
  API_HEADERS_TIMEOUT_MS: integerIn(100, 600_000, 10_000),
  API_REQUEST_TIMEOUT_MS: integerIn(100, 3_600_000, 60_000),
  API_KEEP_ALIVE_TIMEOUT_MS: integerIn(100, 600_000, 5000),
  API_MAX_CONNECTIONS: integerIn(1, 1_000_000, 256),
  REPORT_MAX_BYTES: byteSize(KIB, GIB, '2m'),
  EXTRACT_TIMEOUT_MS: integerIn(100, 3_600_000, 60_000),
  NODE_ENV: {
    schema: z.enum(['development', 'production', 'test']).optional(),
    expected: 'one of development, production, test',
  },
} satisfies Record<string, Variable<unknown>>;

type VariableName = keyof typeof CONFIG_VARIABLES;
type Values = { [K in VariableName]: z.output<(typeof CONFIG_VARIABLES)[K]['schema']> };

/**
 * Reads and validates the configuration from `env` (default `process.env`): the only place that
 * reads the environment. Empty strings count as unset. Throws `ConfigError` naming the first bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values = {} as Record<VariableName, unknown>;
  for (const name of Object.keys(CONFIG_VARIABLES) as VariableName[]) {
    const raw = env[name];
    const given = raw === undefined || raw.trim() === '' ? undefined : raw.trim();
    const variable: Variable<unknown> = CONFIG_VARIABLES[name];
    const parsed = variable.schema.safeParse(given);
    if (!parsed.success) throw new ConfigError(name, variable.expected, given ?? '');
    values[name] = parsed.data;
  }
  const checked = values as Values;
  // Node refuses a request time-out shorter than the headers' one: the headers are part of the request.
  if (checked.API_REQUEST_TIMEOUT_MS < checked.API_HEADERS_TIMEOUT_MS) {
    const given = env.API_REQUEST_TIMEOUT_MS?.trim() || String(checked.API_REQUEST_TIMEOUT_MS);
    throw new ConfigError('API_REQUEST_TIMEOUT_MS', `a time at least API_HEADERS_TIMEOUT_MS (${checked.API_HEADERS_TIMEOUT_MS})`, given);
  }
  return buildConfig(checked);
}


function buildConfig(values: Values): Config {
  return {
    neo4j: {
      ...(values.NEO4J_URI === undefined ? {} : { uri: values.NEO4J_URI }),
      user: values.NEO4J_USER,
      password: values.NEO4J_PASSWORD,
      ...(values.NEO4J_DATABASE === undefined ? {} : { database: values.NEO4J_DATABASE }),
      localPort: values.NEO4J_LOCAL_PORT,
      localData: values.NEO4J_LOCAL_DATA,
      localPageCacheBytes: values.NEO4J_LOCAL_PAGE_CACHE ?? defaultPageCacheBytes(totalmem()),
      ...maxConcurrentReads(values),
      localRestarts: values.NEO4J_LOCAL_RESTARTS,
    },
    api: {
      host: values.HOST,
      port: values.PORT,
      ...(values.HOPTAC_API_KEY === undefined ? {} : { apiKey: values.HOPTAC_API_KEY }),
      maxDepth: values.API_MAX_DEPTH,
      maxCost: values.API_MAX_COST,
      maxAliases: values.API_MAX_ALIASES,
      maxPageSize: values.API_MAX_PAGE_SIZE,
      queryTimeoutMs: values.API_QUERY_TIMEOUT_MS,
      maxResponseBytes: values.API_MAX_RESPONSE_BYTES ?? DEFAULT_MAX_RESPONSE_BYTES,
      maxBodyBytes: values.API_MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES,
      maxTokens: values.API_MAX_TOKENS,
      exportTimeoutMs: values.API_EXPORT_TIMEOUT_MS,
      maxExports: values.API_MAX_EXPORTS,
      maxNetworkNodes: values.API_MAX_NETWORK_NODES,
      headersTimeoutMs: values.API_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: values.API_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: values.API_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: values.API_MAX_CONNECTIONS,
      development: values.NODE_ENV === 'development',
    },
    reports: {
      maxBytes: values.REPORT_MAX_BYTES ?? DEFAULT_REPORT_MAX_BYTES,
      extractTimeoutMs: values.EXTRACT_TIMEOUT_MS,
    },
  };
}

function maxConcurrentReads(values: Values): { maxConcurrentReads?: number } {
  if (values.NEO4J_MAX_CONCURRENT_READS !== undefined) return { maxConcurrentReads: values.NEO4J_MAX_CONCURRENT_READS };
  return values.NEO4J_URI === undefined ? { maxConcurrentReads: defaultConcurrentReads(availableParallelism()) } : {};
}

/** True for URIs the Neo4j JavaScript driver accepts: a known scheme and a host. */
export function isNeo4jUri(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const scheme = url.protocol.replace(/:$/, '');
  return (URI_SCHEMES as readonly string[]).includes(scheme) && url.hostname !== '';
}
