import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as fetchWith } from 'undici';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiProbes, buildFanOutQuery, buildLargeReport, probeWhile, spawnApi } from '../../bench/attack-load.ts';
import type { ApiProcess, ProbeFigures } from '../../bench/attack-load.ts';
import { startApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/graph/database.ts';
import { generateCorpus } from '../../src/generate/corpus.ts';
import { errorCodes, postGraphql } from '../api/support/http.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';
import { collectRun, HOPTAC, spawnScript } from '../support/processes.ts';

/**
 * A graph of 10,000 reports under attack. The 15 MB feed of those reports was refused whole
 * (limits were per file); it is now extracted and ingested whole. Then, while the fan-out query,
 * a whole-graph export and a 4.5 MB `ingestReport` run at once against `npm start`, `/healthz`
 * and a lookup by id still answer: under 1 s (generous, so a busy machine cannot fail it; the aim
 * is 100 ms, see `bench/concurrency.ts`), where they stalled 5–30 s before.
 */

const REPORTS = 10_000;
const KEY = 'large-graph-key';
let db: Database;
let dir: string;
let feed: string;
let api: ApiProcess | null = null;

/** The test run's database for a child process (NEO4J_URI, and its login when it is an external server). */
function databaseEnv(): Record<string, string> {
  const { neo4j } = loadConfig();
  const external = inject('neo4jExternal');
  return {
    NEO4J_URI: inject('neo4jUri'),
    ...(external ? { NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, ...(neo4j.database ? { NEO4J_DATABASE: neo4j.database } : {}) } : {}),
  };
}

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db.gateway);
  dir = await mkdtemp(join(tmpdir(), 'hoptac-attack-large-'));
  feed = join(dir, 'reports.jsonl');
  writeFileSync(feed, `${[...generateCorpus({ reports: REPORTS, seed: 1 })].map(({ input }) => JSON.stringify(input)).join('\n')}\n`);
});

afterAll(async () => {
  await api?.stop();
  await resetGraph(db.gateway);
  await db.close();
  await rm(dir, { recursive: true, force: true });
}, 300_000);

function expectAnswering(figures: ProbeFigures[]): void {
  process.stdout.write(`${figures.map((f) => `${f.name}: ${f.count} requests, p50 ${f.p50} ms, p99 ${f.p99} ms, max ${f.max} ms, wrong ${f.failures}`).join('\n')}\n`);
  for (const probe of figures) {
    expect(probe.count).toBeGreaterThan(0);
    expect({ probe: probe.name, wrong: probe.failures }).toEqual({ probe: probe.name, wrong: 0 });
    expect(probe.max, `${probe.name}: ${JSON.stringify(probe)}`).toBeLessThan(1000);
  }
}

describe('a graph of 10,000 reports', () => {
  it('ingests a 15 MB feed of 10,000 reports whole', { timeout: 900_000 }, async () => {
    const { size } = await import('node:fs').then((fs) => fs.statSync(feed));
    expect(size).toBeGreaterThan(15e6);
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NEO4J_|API_|REPORT_|EXTRACT_)/.test(name)));
    const { exit, stdout, stderr } = await collectRun(spawnScript(HOPTAC, ['ingest', '--no-progress', feed], { ...clean, ...databaseEnv() }));
    expect({ exit, stderr }).toEqual({ exit: 0, stderr: '' });
    expect(stdout).toMatch(/^10000 reports in /);
    expect(stdout).toContain('  loaded     10000\n');
    expect(stdout).toContain('  failed     0\n');
    const stored = await db.gateway.read((tx) => tx.run('MATCH (r:Report) RETURN count(r) AS n'));
    expect(Number(stored.records[0]?.get('n'))).toBe(REPORTS);
  });

  it('keeps answering /healthz and lookups while the fan-out query, a whole-graph export and a 4.5 MB ingestReport run at once', { timeout: 900_000 }, async () => {
    api = await spawnApi({ ...databaseEnv(), PORT: '0', HOPTAC_API_KEY: KEY, REPORT_MAX_BYTES: '8m', EXTRACT_TIMEOUT_MS: '900000' });
    const origin = new URL(api.url).origin;
    const official = (await postGraphql(api.url, '{ officials(first: 1) { nodes { id } } }')).data as { officials: { nodes: { id: string }[] } };
    const target = official.officials.nodes[0]!.id;
    const texts = [...generateCorpus({ reports: 4000, seed: 2 })].map(({ input }) => input.text);
    const largeReport = buildLargeReport(4.5e6, texts);

    let attacking = true;
    let refused = 0;
    const fanOut = (async () => {
      while (attacking) {
        const answer = await postGraphql(api!.url, buildFanOutQuery(9));
        expect(errorCodes(answer)).toEqual(['QUERY_TOO_COMPLEX']);
        refused++;
        await new Promise((wake) => setTimeout(wake, 250));
      }
    })();
    // The file stays bytes while the probes run: decoding 50 MB here would stall this process, and the probes with it.
    const exportAll = fetch(`${origin}/export?format=graphml&all=true`).then(async (response) => ({ status: response.status, bytes: await response.arrayBuffer() }));
    // The report's extraction takes from half a minute (an idle machine) to several (a busy one): the
    // probes run until the export is written and for at least 30 s of it, not until it ends.
    const patient = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
    const stopIngest = new AbortController();
    let ingested: { data?: unknown; errors?: unknown[] } | null = null;
    const ingest = fetchWith(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body: JSON.stringify({ query: 'mutation($text: String!) { ingestReport(text: $text) { status } }', variables: { text: largeReport } }),
      dispatcher: patient,
      signal: stopIngest.signal,
    })
      .then(async (response) => {
        ingested = (await response.json()) as { data?: unknown; errors?: unknown[] };
      })
      .catch(() => undefined);
    const window = Promise.all([exportAll, new Promise((wake) => setTimeout(wake, 30_000))]);
    const { outcome, figures } = await probeWhile(apiProbes(api.url, target), window.finally(() => (attacking = false)));
    await fanOut;
    stopIngest.abort();
    await ingest;
    await patient.close();

    expectAnswering(figures);
    expect(refused).toBeGreaterThan(0);
    expect(outcome.status).toBe('fulfilled');
    if (outcome.status !== 'fulfilled') return;
    const [exported] = outcome.value;
    expect(exported.status).toBe(200);
    const graphml = new TextDecoder().decode(exported.bytes);
    expect(graphml.startsWith('<?xml')).toBe(true);
    expect(graphml.match(/<node /g)?.length).toBeGreaterThan(20_000);
    // when the report was done within the window, it loaded (test/attack/report-input.int.test.ts loads one through the same thread)
    if (ingested !== null) expect(ingested).toEqual({ data: { ingestReport: { status: 'loaded' } } });
  });

  it('keeps answering while the whole graph is measured, and refuses its export and its network over GraphQL as too large for an answer', { timeout: 900_000 }, async () => {
    const url = api!.url;
    const { outcome, figures } = await probeWhile(
      apiProbes(url, 'province:hoa binh'),
      Promise.all([
        postGraphql(url, '{ networkMetrics(selection: { all: true }, first: 3) { nodeCount communityCount nodes { node { id } } } }'),
        postGraphql(url, '{ exportSubgraph(selection: { all: true }, format: GRAPHML) { nodeCount } }'),
        postGraphql(url, '{ network(selection: { all: true }) { nodes { id } edges { id evidence { text } } } }'),
      ]),
    );
    expectAnswering(figures);
    expect(outcome.status).toBe('fulfilled');
    if (outcome.status !== 'fulfilled') return;
    const [metrics, exported, network] = outcome.value;
    expect(metrics.errors).toEqual([]);
    const measured = metrics.data?.networkMetrics as { nodeCount: number; nodes: unknown[] };
    expect(measured.nodeCount).toBeGreaterThan(20_000);
    expect(measured.nodes).toHaveLength(3);
    expect(errorCodes(exported)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(exported.errors[0]?.message).toMatch(/^The file is \d+ bytes, over the answer limit of 16777216 \(API_MAX_RESPONSE_BYTES\): download it with GET \/export instead\.$/);
    expect(errorCodes(network)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(network.errors[0]?.message).toMatch(/^The network \(whole graph\) has 2\d{4} nodes; network answers at most 5000 \(API_MAX_NETWORK_NODES\)/);
  });

  it('stops an export past API_EXPORT_TIMEOUT_MS (504) and refuses exports past the queue (503 SERVER_BUSY)', { timeout: 600_000 }, async () => {
    const { mountAnalystRoutes } = await import('../../src/web/routes.ts');
    const config = loadConfig({ PORT: '0', API_EXPORT_TIMEOUT_MS: '1000', API_MAX_EXPORTS: '1' });
    const server = await startApiServer({ config, database: db, mount: [(app, services) => mountAnalystRoutes(app, { analyzer: services.analyzer })] });
    try {
      const origin = new URL(server.url).origin;
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => fetch(`${origin}/export?format=csv-nodes&all=true`).then(async (r) => ({ status: r.status, body: (await r.json()) as { error: { code: string; message: string } } }))),
      );
      const statuses = answers.map((a) => `${a.status} ${a.body.error.code}`).sort();
      // one runs and four wait (the queue holds four per thread), all past 1 s; the sixth is refused at once
      expect(statuses).toEqual(['503 SERVER_BUSY', '504 TIMEOUT', '504 TIMEOUT', '504 TIMEOUT', '504 TIMEOUT', '504 TIMEOUT']);
      expect(answers.find((a) => a.status === 504)?.body.error.message).toBe('the export took longer than 1 s (API_EXPORT_TIMEOUT_MS): narrow the selection.');
    } finally {
      await server.close();
    }
  });
});
