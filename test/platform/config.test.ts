import { availableParallelism, totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConcurrentReads, defaultPageCacheBytes, loadConfig } from '../../src/config.ts';

const MIB = 2 ** 20;

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      neo4j: {
        user: 'neo4j',
        password: '',
        localPort: 7687,
        localData: '.data/neo4j',
        localPageCacheBytes: defaultPageCacheBytes(totalmem()),
        maxConcurrentReads: defaultConcurrentReads(availableParallelism()),
        localRestarts: 5,
      },
      api: {
        host: '127.0.0.1',
        port: 4000,
        maxDepth: 10,
        maxCost: 5000,
        maxAliases: 30,
        maxPageSize: 500,
        queryTimeoutMs: 15_000,
        maxResponseBytes: 16 * MIB,
        maxBodyBytes: 5 * MIB,
        maxTokens: 2000,
        exportTimeoutMs: 120_000,
        maxExports: 1,
        maxNetworkNodes: 5000,
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 60_000,
        keepAliveTimeoutMs: 5000,
        maxConnections: 256,
        development: false,
      },
      reports: { maxBytes: 2 * MIB, extractTimeoutMs: 60_000 },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc123.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'hoptac',
      NEO4J_LOCAL_PORT: '7700',
      NEO4J_LOCAL_DATA: '/var/lib/hoptac',
      NEO4J_LOCAL_PAGE_CACHE: '3g',
      NEO4J_MAX_CONCURRENT_READS: '12',
      NEO4J_LOCAL_RESTARTS: '2',
      HOST: '0.0.0.0',
      PORT: '8080',
      HOPTAC_API_KEY: 'k',
      API_MAX_DEPTH: '6',
      API_MAX_COST: '900',
      API_MAX_ALIASES: '5',
      API_MAX_PAGE_SIZE: '50',
      API_QUERY_TIMEOUT_MS: '2500',
      API_MAX_RESPONSE_BYTES: '1m',
      API_MAX_BODY_BYTES: '256k',
      API_MAX_TOKENS: '800',
      API_EXPORT_TIMEOUT_MS: '30000',
      API_MAX_EXPORTS: '2',
      API_MAX_NETWORK_NODES: '900',
      API_HEADERS_TIMEOUT_MS: '2000',
      API_REQUEST_TIMEOUT_MS: '20000',
      API_KEEP_ALIVE_TIMEOUT_MS: '1000',
      API_MAX_CONNECTIONS: '64',
      REPORT_MAX_BYTES: '512k',
      EXTRACT_TIMEOUT_MS: '9000',
      NODE_ENV: 'development',
    });
    expect(config).toEqual({
      neo4j: {
        uri: 'neo4j+s://abc123.databases.neo4j.io',
        user: 'reader',
        password: 'secret',
        database: 'hoptac',
        localPort: 7700,
        localData: '/var/lib/hoptac',
        localPageCacheBytes: 3 * 1024 * MIB,
        maxConcurrentReads: 12,
        localRestarts: 2,
      },
      api: {
        host: '0.0.0.0',
        port: 8080,
        apiKey: 'k',
        maxDepth: 6,
        maxCost: 900,
        maxAliases: 5,
        maxPageSize: 50,
        queryTimeoutMs: 2500,
        maxResponseBytes: MIB,
        maxBodyBytes: 256 * 1024,
        maxTokens: 800,
        exportTimeoutMs: 30_000,
        maxExports: 2,
        maxNetworkNodes: 900,
        headersTimeoutMs: 2000,
        requestTimeoutMs: 20_000,
        keepAliveTimeoutMs: 1000,
        maxConnections: 64,
        development: true,
      },
      reports: { maxBytes: 512 * 1024, extractTimeoutMs: 9000 },
    });
  });

  it('reads page cache sizes in bytes, KiB, MiB and GiB, with or without "iB"', () => {
    const sizes = ['268435456', '262144k', '256m', '256M', '256MiB', '1g', '2 GB'];
    expect(sizes.map((size) => loadConfig({ NEO4J_LOCAL_PAGE_CACHE: size }).neo4j.localPageCacheBytes)).toEqual([
      256 * MIB, 256 * MIB, 256 * MIB, 256 * MIB, 256 * MIB, 1024 * MIB, 2048 * MIB,
    ]);
  });

  it('sizes the default page cache to a quarter of the machine, between 128 MiB and 2 GiB', () => {
    expect([256, 1024, 3000, 8192, 24_105, 262_144].map((mib) => defaultPageCacheBytes(mib * MIB) / MIB)).toEqual([
      128, 256, 750, 2048, 2048, 2048,
    ]);
  });

  it('bounds concurrent reads to two per core with the built-in Neo4j, not at all with a server at NEO4J_URI unless told', () => {
    expect([0, 1, 2, 8].map(defaultConcurrentReads)).toEqual([2, 2, 4, 16]);
    expect(loadConfig({}).neo4j.maxConcurrentReads).toBe(2 * availableParallelism());
    expect(loadConfig({ NEO4J_URI: 'bolt://db:7687' }).neo4j).not.toHaveProperty('maxConcurrentReads');
    expect(loadConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_MAX_CONCURRENT_READS: '16' }).neo4j.maxConcurrentReads).toBe(16);
  });

  it('treats empty and blank values as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '  ', NEO4J_DATABASE: '' }).neo4j.uri).toBeUndefined();
    expect(loadConfig({ PORT: '  ' }).api.port).toBe(4000);
  });

  it.each([
    ['NEO4J_URI', 'http://localhost:7474', 'a Neo4j URI'],
    ['NEO4J_URI', 'localhost:7687', 'a Neo4j URI'],
    ['NEO4J_LOCAL_PORT', 'seven', 'a whole number from 1 to 65535'],
    ['NEO4J_LOCAL_PORT', '70000', 'a whole number from 1 to 65535'],
    ['PORT', '80.5', 'a whole number from 0 to 65535'],
    ['NEO4J_DATABASE', 'my db', 'a Neo4j database name'],
    ['API_QUERY_TIMEOUT_MS', '-1', 'a whole number from 100 to 600000'],
    ['NEO4J_LOCAL_PAGE_CACHE', 'lots', 'a size from 8 MiB to 1024 GiB, such as 512m or 2g'],
    ['NEO4J_LOCAL_PAGE_CACHE', '4m', 'a size from 8 MiB to 1024 GiB'],
    ['NEO4J_LOCAL_PAGE_CACHE', '1.5g', 'a size from 8 MiB'],
    ['NODE_ENV', 'staging', 'one of development, production, test'],
    ['NEO4J_MAX_CONCURRENT_READS', '0', 'a whole number from 1 to 1000'],
    ['NEO4J_MAX_CONCURRENT_READS', 'many', 'a whole number from 1 to 1000'],
    ['API_MAX_RESPONSE_BYTES', '1k', 'a size from 64 KiB to 1 GiB, such as 16m'],
    ['REPORT_MAX_BYTES', 'big', 'a size from 1 KiB to 1 GiB, such as 2m'],
    ['API_MAX_CONNECTIONS', '0', 'a whole number from 1 to 1000000'],
    ['API_REQUEST_TIMEOUT_MS', '5000', 'a time at least API_HEADERS_TIMEOUT_MS (10000)'],
  ])('rejects %s=%s naming the variable and what it expects', (variable, value, expected) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ variable, received: value });
    expect((error as Error).message).toContain(`Invalid configuration: ${variable} expects ${expected}`);
    expect((error as Error).message).toContain(JSON.stringify(value));
  });

  it('accepts every URI scheme the driver knows', () => {
    const schemes = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
    expect(schemes.map((scheme) => loadConfig({ NEO4J_URI: `${scheme}://db.example.org:7687` }).neo4j.uri)).toEqual(
      schemes.map((scheme) => `${scheme}://db.example.org:7687`),
    );
  });
});
