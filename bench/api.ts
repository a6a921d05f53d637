import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/graph/database.ts';
import type { Database } from '../src/graph/database.ts';
import type { Gateway } from '../src/graph/gateway.ts';
import { ensureProvinces } from '../src/graph/ensure-provinces.ts';
import { ingestRecords } from '../src/graph/ingest-records.ts';
import { applySchema } from '../src/graph/migrate.ts';
import { generateCorpus } from '../src/generate/corpus.ts';
import { findFreePort } from '../src/graph/free-port.ts';
import { countGraph, flushLoad, measureGraph } from './graph-counts.ts';
import { checkAnswers, runLoadTest } from './load-test.ts';
import type { LoadResult } from './load-test.ts';
import { spawnServer } from './servers.ts';
import { formatLatency } from './table.ts';
import { buildWorkloads } from './workloads.ts';

/**
 * The GraphQL API alone under load, per query kind: lookup by id, one hop (an official's
 * positions), a meeting with attendees and awards, a depth-2 neighbourhood, a shortest path and
 * a search, at each client count. `measureApiKinds` is the reusable part (any loaded graph, any
 * running server); run as a script it loads a generated corpus into a throw-away Neo4j first.
 *
 *   npx tsx bench/api.ts                           # 10,000 reports, 20 and 50 clients
 *   npx tsx bench/api.ts --reports 2000 --seconds 3
 */

export type ApiKind = { kind: string; label: string; bodies: string[] };
export type ApiKindFigures = { kind: string; label: string; targets: number; problem: string | null; runs: LoadResult[] };

const LOOKUP_QUERY = 'query Lookup($id: ID!) { node(id: $id) { id ... on Entity { name type } } }';

/** The request bodies of every kind, with targets picked from the loaded graph (up to `targets` per kind). */
export async function buildApiKinds(gateway: Pick<Gateway, 'read'>, targets: number): Promise<ApiKind[]> {
  const workloads = await buildWorkloads(gateway, targets);
  const kinds: ApiKind[] = [];
  for (const workload of workloads) {
    if (workload.kind === 'lookup') {
      // The shared lookup asks for positions: that is the one-hop query; a bare lookup is derived from its ids.
      const ids = workload.hoptac.map((body) => (JSON.parse(body) as { variables: { id: string } }).variables.id);
      kinds.push({ kind: 'lookup', label: 'lookup by id', bodies: ids.map((id) => JSON.stringify({ query: LOOKUP_QUERY, variables: { id } })) });
      kinds.push({ kind: 'one-hop', label: 'one hop (positions)', bodies: workload.hoptac });
    } else {
      const labels: Record<string, string> = { meeting: 'meeting+attendees+awards', neighborhood: 'neighbourhood depth 2', path: 'shortest path', search: 'search' };
      kinds.push({ kind: workload.kind, label: labels[workload.kind] ?? workload.kind, bodies: workload.hoptac });
    }
  }
  return kinds;
}

/** Runs every kind against `url` at each client count; a kind whose answers fail is reported, not measured. */
export async function measureApiKinds(
  url: string,
  kinds: ApiKind[],
  options: { connections: number[]; seconds: number; warmupSeconds: number; onProgress?: (message: string) => void },
): Promise<ApiKindFigures[]> {
  const figures: ApiKindFigures[] = [];
  for (const kind of kinds) {
    const check = await checkAnswers(url, kind.bodies);
    const entry: ApiKindFigures = { kind: kind.kind, label: kind.label, targets: kind.bodies.length, problem: check.problem, runs: [] };
    figures.push(entry);
    if (check.problem) continue;
    for (const connections of options.connections) {
      options.onProgress?.(`${kind.label} × ${connections}`);
      entry.runs.push(await runLoadTest({ url, bodies: kind.bodies, connections, seconds: options.seconds, warmupSeconds: options.warmupSeconds }));
    }
  }
  return figures;
}

/** A plain-text table of the figures: one row per kind and client count. */
export function formatApiFigures(figures: ApiKindFigures[]): string {
  const rows = [['query kind', 'targets', 'clients', 'req/s', 'p50 ms', 'p99 ms', 'errors']];
  for (const f of figures) {
    if (f.problem) rows.push([f.label, String(f.targets), '-', '-', '-', '-', f.problem]);
    for (const run of f.runs) {
      rows.push([f.label, String(f.targets), String(run.connections), run.requestsPerSecond.toFixed(0), formatLatency(run.p50), formatLatency(run.p99), String(run.errors + run.non2xx + run.timeouts)]);
    }
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const opts = new Command()
    .option('--reports <n>', 'generated reports to load', '10000')
    .option('--connections <list>', 'concurrent clients, comma-separated', '20,50')
    .option('--seconds <n>', 'seconds per load test', '5')
    .option('--warmup <n>', 'warm-up seconds before each load test', '2')
    .option('--targets <n>', 'different ids per query kind', '20')
    .option('--seed <n>', 'corpus seed', '1')
    .option('--uri <bolt>', 'measure an already loaded Neo4j (auth off) instead of starting one and loading a corpus')
    .parse()
    .opts<Record<string, string>>();
  const number = (name: string) => Number(opts[name]);
  const log = (message: string) => process.stderr.write(`[api bench] ${message}\n`);
  if (opts.uri) {
    const database = await openDatabase({ ...loadConfig({}).neo4j, uri: opts.uri });
    try {
      await measureAndPrint(database, opts, log);
    } finally {
      await database.close();
    }
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'hoptac-api-bench-'));
  const database = await openDatabase({ ...loadConfig({}).neo4j, localPort: await findFreePort(), localData: scratch });
  try {
    await applySchema(database.gateway);
    await ensureProvinces(database.gateway);
    const reports = number('reports');
    log(`loading ${reports} generated reports`);
    const records = (function* () {
      for (const generated of generateCorpus({ reports, seed: number('seed') })) yield { ok: true as const, record: generated.expected };
    })();
    const summary = await ingestRecords(database.gateway, records, {
      onProgress: (p) => p.done % 500 === 0 && log(`${p.done} loaded in ${p.seconds.toFixed(0)} s`),
    });
    log(`loaded ${summary.loaded} reports (${summary.failed.length} failed) in ${summary.seconds.toFixed(0)} s`);
    log(`checkpoint of the load in ${(await flushLoad(database.gateway)).toFixed(1)} s`);
    await measureAndPrint(database, opts, log);
  } finally {
    await database.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function measureAndPrint(database: Database, opts: Record<string, string>, log: (message: string) => void): Promise<void> {
  const graph = await measureGraph(database.gateway);
  const reports = await countReports(database.gateway);
  const kinds = await buildApiKinds(database.gateway, Number(opts.targets));
  const server = await spawnServer('hoptac', database.uri);
  try {
    const connections = opts.connections?.split(',').map(Number) ?? [20, 50];
    const figures = await measureApiKinds(server.url, kinds, { connections, seconds: Number(opts.seconds), warmupSeconds: Number(opts.warmup), onProgress: log });
    process.stdout.write(`hoptac API, ${reports} reports (${graph.nodes} nodes, ${graph.relationships} relationships), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    process.stdout.write(`${formatApiFigures(figures)}\n`);
  } finally {
    await server.stop();
  }
}

async function countReports(gateway: Pick<Gateway, 'read'>): Promise<number> {
  const nodes = (await countGraph(gateway)).nodes;
  return Object.entries(nodes)
    .filter(([labels]) => labels.split(/[^A-Za-z]+/).includes('Report'))
    .reduce((sum, [, count]) => sum + count, 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
