import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { generateCorpus } from '../src/generate/corpus.ts';
import { ensureProvinces } from '../src/graph/ensure-provinces.ts';
import { findFreePort } from '../src/graph/free-port.ts';
import { ingestRecords } from '../src/graph/ingest-records.ts';
import { startLocalNeo4j } from '../src/graph/local-neo4j.ts';
import { applySchema } from '../src/graph/migrate.ts';
import { connectAddress, localAddress } from '../src/graph/database.ts';
import { apiProbes, buildFanOutQuery, buildLargeReport, probeWhile, spawnApi } from './attack-load.ts';
import type { ProbeFigures } from './attack-load.ts';

/**
 * Concurrency figures: how fast `/healthz` and a lookup by id answer while the attack run's heavy
 * requests run at once against `npm start` over a graph of generated reports: the fan-out query
 * (sent again and again), a whole-graph GraphML download and a 4.5 MB `ingestReport`; then while
 * the metrics of the whole graph are computed. Starts its own throw-away Neo4j; prints one row
 * per phase and probe (requests, p50, p95, p99, max in ms, wrong answers) and what each heavy
 * request got.
 *
 *   npx tsx bench/concurrency.ts [--reports 10000] [--report-mb 4.5] [--depth 9] [--seed 1]
 */
const opts = new Command()
  .option('--reports <n>', 'reports in the graph', '10000')
  .option('--report-mb <mb>', 'size of the ingestReport text, MB', '4.5')
  .option('--depth <n>', 'fragment levels of the fan-out query', '9')
  .option('--seed <n>', 'corpus seed', '1')
  .parse()
  .opts<{ reports: string; reportMb: string; depth: string; seed: string }>();

/**
 * The fan-out query is sent again this often: a hostile client repeating it, not a flood (a flood
 * of any request, however cheap to refuse, is a matter for a rate limiter in front of the API).
 */
const FAN_OUT_EVERY_MS = 250;

const dataDir = mkdtempSync(join(tmpdir(), 'hoptac-concurrency-'));
const neo4j = await startLocalNeo4j({ port: await findFreePort(), dataDir });
const key = 'concurrency-bench';
try {
  const gateway = await connectAddress(localAddress(neo4j.uri));
  await applySchema(gateway, { awaitIndexesSeconds: 120 });
  await ensureProvinces(gateway);
  const loadStarted = performance.now();
  const summary = await ingestRecords(gateway, (function* () {
    for (const { expected } of generateCorpus({ reports: Number(opts.reports), seed: Number(opts.seed) })) yield { ok: true as const, record: expected };
  })());
  await gateway.close();
  say(`graph: ${summary.loaded} generated reports loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);

  // No extraction limit: the figures are of the API while the whole report is extracted, however busy the machine.
  const api = await spawnApi({ NEO4J_URI: neo4j.uri, PORT: '0', HOPTAC_API_KEY: key, REPORT_MAX_BYTES: '8m', EXTRACT_TIMEOUT_MS: '3600000' });
  try {
    const origin = new URL(api.url).origin;
    const target = await pickOfficial(api.url);
    const probes = apiProbes(api.url, target);
    const texts = [...generateCorpus({ reports: 4000, seed: Number(opts.seed) + 1 })].map((report) => report.input.text);
    const largeReport = buildLargeReport(Number(opts.reportMb) * 1e6, texts);

    const rows: { phase: string; figures: ProbeFigures[] }[] = [];
    const idle = await probeWhile(probes, new Promise((wake) => setTimeout(wake, 5000)));
    rows.push({ phase: 'idle (5 s)', figures: idle.figures });

    const heavy: string[] = [];
    let fanOuts = 0;
    let attacking = true;
    const fanOutLoop = (async () => {
      const body = JSON.stringify({ query: buildFanOutQuery(Number(opts.depth)) });
      while (attacking) {
        const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        if (answer.errors?.[0]?.extensions?.code !== 'QUERY_TOO_COMPLEX') throw new Error(`fan-out query answered ${JSON.stringify(answer).slice(0, 200)}`);
        fanOuts++;
        await new Promise((wake) => setTimeout(wake, FAN_OUT_EVERY_MS));
      }
    })();
    const exportAll = timed('GET /export?format=graphml&all=true', async () => {
      const response = await fetch(`${origin}/export?format=graphml&all=true`);
      return `${response.status}, ${((await response.arrayBuffer()).byteLength / 1e6).toFixed(1)} MB`;
    });
    const ingest = timed(`ingestReport of ${opts.reportMb} MB`, async () => {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query: 'mutation($text: String!) { ingestReport(text: $text) { status writes } }', variables: { text: largeReport } }),
      });
      const answer = (await response.json()) as { data?: { ingestReport?: { status: string; writes: number } }; errors?: { extensions?: { code?: string }; message: string }[] };
      return answer.data?.ingestReport ? `${answer.data.ingestReport.status}, ${answer.data.ingestReport.writes} writes` : `${answer.errors?.[0]?.extensions?.code}: ${answer.errors?.[0]?.message}`;
    });
    const attack = await probeWhile(probes, Promise.all([exportAll, ingest]).finally(() => (attacking = false)));
    await fanOutLoop;
    if (attack.outcome.status === 'fulfilled') heavy.push(...attack.outcome.value);
    heavy.push(`fan-out query (depth ${opts.depth}), every ${FAN_OUT_EVERY_MS} ms: refused ${fanOuts} times with QUERY_TOO_COMPLEX`);
    rows.push({ phase: 'fan-out + whole export + ingestReport', figures: attack.figures });

    const metrics = await probeWhile(
      probes,
      timed('networkMetrics(all)', async () => {
        const response = await fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ networkMetrics(selection: { all: true }, first: 3) { nodeCount edgeCount communityCount } }' }),
        });
        return JSON.stringify(await response.json()).slice(0, 120);
      }),
    );
    if (metrics.outcome.status === 'fulfilled') heavy.push(metrics.outcome.value);
    rows.push({ phase: 'networkMetrics of the whole graph', figures: metrics.figures });

    say(`\nconcurrency figures · ${opts.reports} reports · lookup of ${target} · load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    say('phase                                    probe          requests  p50 ms  p95 ms  p99 ms  max ms  wrong');
    for (const { phase, figures } of rows) {
      for (const f of figures) {
        say(`${phase.padEnd(40)} ${f.name.padEnd(14)} ${String(f.count).padStart(8)} ${String(f.p50).padStart(7)} ${String(f.p95).padStart(7)} ${String(f.p99).padStart(7)} ${String(f.max).padStart(7)} ${String(f.failures).padStart(6)}`);
      }
    }
    say('\nheavy requests:');
    for (const line of heavy) say(`  ${line}`);
  } finally {
    await api.stop();
  }
} finally {
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function timed(name: string, work: () => Promise<string>): Promise<string> {
  const started = performance.now();
  const outcome = await work().catch((error: unknown) => `failed: ${(error as Error).message}`);
  return `${name}: ${outcome} in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

async function pickOfficial(graphql: string): Promise<string> {
  const response = await fetch(graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ officials(first: 1) { nodes { id } } }' }) });
  const body = (await response.json()) as { data: { officials: { nodes: { id: string }[] } } };
  const id = body.data.officials.nodes[0]?.id;
  if (!id) throw new Error('the graph has no official to look up');
  return id;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}
