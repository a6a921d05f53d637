import { describeWarmup, formatShare } from './jvm-warmup.ts';
import type { RoundsOutcome, WarmupOutcome } from './jvm-warmup.ts';
import type { LoadResult } from './load-test.ts';
import type { NaiveSummary } from './naive-loader.ts';
import { QUERY_LABELS } from './workloads.ts';
import type { QueryKind } from './workloads.ts';

/** One server answering one query kind at every client count; `problem` when its answers failed the check. */
export type ApiFigures = { kind: QueryKind; server: 'hoptac' | 'peer'; targets: number; bytes: number; problem: string | null; runs: LoadResult[] };

/** Everything measured at one corpus size. */
export type SizeFigures = {
  reports: number;
  graph: { nodes: number; relationships: number };
  extraction: { reports: number; seconds: number; reportsPerSecond: number };
  naive: NaiveSummary;
  /** hoptac over the same first reports as the naive loader, from the same empty graph. */
  hoptacSample: { reports: number; seconds: number; writes: number };
  hoptac: { reports: number; seconds: number; writes: number; failed: number };
  /** The JVM warm-up before the naive loader (bench/jvm-warmup.ts), and again between it and hoptac's loads. */
  warmup: WarmupOutcome;
  rewarm: WarmupOutcome;
  /** Share of Neo4j's CPU its JIT compilers took while hoptac loaded the sample and the whole corpus; null where not measured. */
  hoptacCompilerShare: number | null;
  /** Seconds the checkpoint after the load took, before the API was measured (absent in older results). */
  checkpointSeconds?: number;
  /** The rounds of queries that warmed Neo4j up before the API's load tests (absent in older results). */
  apiWarmup?: RoundsOutcome;
  api: ApiFigures[];
  /** Query kinds the peer cannot express, with the reason. */
  peerMissing: Partial<Record<QueryKind, string>>;
};

/** A whole run: where, when, with which settings, and the figures per size. */
export type BenchResults = {
  date: string;
  machine: { cores: number; memoryGiB: number; cpu: string; node: string; loadAverage: number[] };
  settings: Record<string, unknown>;
  sizes: SizeFigures[];
  seconds: number;
};

/** The run as one plain-text table (three blocks: extraction, ingest, API), as printed and pasted into the README. */
export function formatTable(results: BenchResults): string {
  const { machine, settings } = results;
  const lines = [
    `hoptac benchmark · ${results.date} · ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB · Node ${machine.node} · ` +
      `load average at start ${machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}`,
    `settings: ${Object.entries(settings).map(([k, v]) => `${k}=${String(v)}`).join(' ')}`,
    '',
    'Extraction (one core, generated reports)',
    row(['reports', 'sample', 'reports/s'], [9, 8, 10]),
    ...results.sizes.map((s) => row([int(s.reports), int(s.extraction.reports), fixed(s.extraction.reportsPerSecond, 0)], [9, 8, 10])),
    '',
    'Ingest into Neo4j (same records; hoptac = 50 reports per transaction, naive = one MERGE per node/relationship, one transaction each)',
    row(['reports', 'sample', 'naive r/s', 'naive w/s', 'hoptac r/s', 'hoptac w/s', 'ratio', 'all: r/s', 'all: w/s', 'nodes', 'rels'], INGEST_WIDTHS),
    ...results.sizes.map((s) =>
      row(
        [
          int(s.reports),
          int(s.naive.reports),
          fixed(s.naive.reports / s.naive.seconds, 1),
          fixed(s.naive.writes / s.naive.seconds, 0),
          fixed(s.hoptacSample.reports / s.hoptacSample.seconds, 1),
          fixed(s.hoptacSample.writes / s.hoptacSample.seconds, 0),
          `${fixed(s.hoptacSample.reports / s.hoptacSample.seconds / (s.naive.reports / s.naive.seconds), 1)}×`,
          fixed(s.hoptac.reports / s.hoptac.seconds, 1),
          fixed(s.hoptac.writes / s.hoptac.seconds, 0),
          int(s.graph.nodes),
          int(s.graph.relationships),
        ],
        INGEST_WIDTHS,
      ),
    ),
    '  sample: the first reports of the corpus, loaded by both into an empty graph; ratio = hoptac r/s ÷ naive r/s on it.',
    '  all: hoptac over the whole corpus.',
    ...results.sizes.map((s) => {
      const rewarm = s.rewarm.steps.map((step) => formatShare(step.compilerShare)).join(' → ');
      return (
        `  ${int(s.reports)}: warm-up ${describeWarmup(s.warmup, Number(settings.jitSettled ?? 15) / 100)}; ` +
        `again before hoptac's loads: ${int(s.rewarm.reports)} reports (compilers ${rewarm}); ` +
        `JIT compilers during hoptac's loads: ${formatShare(s.hoptacCompilerShare)}`
      );
    }),
    ...results.sizes.flatMap((s) =>
      s.naive.failed + s.hoptac.failed > 0
        ? [`  ! ${int(s.reports)}: naive failed ${s.naive.failed} reports, hoptac ${s.hoptac.failed}; ${s.naive.reasons.join('; ')}`]
        : [],
    ),
    '',
    'API (latency ms p50/p99 and requests/s; ratios hoptac ÷ peer: latency < 1 and req/s > 1 mean hoptac is ahead)',
    row(['reports', 'query', 'conns', 'hoptac p50', 'p99', 'req/s', 'peer p50', 'p99', 'req/s', 'p50 ×', 'p99 ×', 'req/s ×'], API_WIDTHS),
  ];
  for (const size of results.sizes) {
    for (const kind of [...new Set(size.api.map((a) => a.kind))]) {
      const hoptac = size.api.find((a) => a.kind === kind && a.server === 'hoptac');
      const peer = size.api.find((a) => a.kind === kind && a.server === 'peer');
      for (const [i, run] of (hoptac?.runs ?? []).entries()) {
        const other = peer?.runs.find((r) => r.connections === run.connections);
        const peerCells = other
          ? [ms(other, other.p50), ms(other, other.p99), fixed(other.requestsPerSecond, 0), ratio(run.p50, other.p50), ratio(run.p99, other.p99), ratio(run.requestsPerSecond, other.requestsPerSecond)]
          : [i === 0 ? (peer?.problem ? 'failed' : 'cannot express') : '', '', '', '', '', ''];
        lines.push(row([int(size.reports), QUERY_LABELS[kind], String(run.connections), ms(run, run.p50), ms(run, run.p99), fixed(run.requestsPerSecond, 0), ...peerCells], API_WIDTHS));
      }
      if (hoptac?.problem) lines.push(`  ${QUERY_LABELS[kind]}: hoptac answers failed the check: ${hoptac.problem}`);
      if (peer?.problem) lines.push(`  ${QUERY_LABELS[kind]}: peer answers failed the check: ${peer.problem}`);
      const missing = size.peerMissing[kind];
      if (missing && size === results.sizes[0]) lines.push(`  ${QUERY_LABELS[kind]}: the peer cannot express it (${missing})`);
    }
    if (size.apiWarmup !== undefined) lines.push(`  ${int(size.reports)}: ${describeApiWarmup(size.apiWarmup, Number(settings.apiJitSettled ?? 5) / 100)}`);
    if (size.checkpointSeconds !== undefined) {
      lines.push(`  ${int(size.reports)}: measured after a checkpoint of the load (${fixed(size.checkpointSeconds, 1)} s), so no flush of it ran during the load tests`);
    }
  }
  lines.push(...describeRounds(results));
  lines.push(...formatCpu(results));
  const failures = results.sizes.flatMap((s) => s.api.flatMap((a) => a.runs.filter((r) => r.errors + r.non2xx + r.timeouts > 0).map((r) => ({ s, a, r }))));
  for (const { s, a, r } of failures) {
    lines.push(`  ! ${int(s.reports)} ${a.server} ${QUERY_LABELS[a.kind]} c=${r.connections}: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.timeouts} timeouts`);
  }
  lines.push('', `total ${fixed(results.seconds / 60, 1)} min`);
  return lines.join('\n');
}

/** "API warm-up: 4 rounds in 110 s, until the JIT compilers took under 5% of Neo4j's CPU (41% → 12% → 6% → 3%)". */
export function describeApiWarmup(outcome: RoundsOutcome, settledShare: number): string {
  if (outcome.rounds === 0) return 'API warm-up: none';
  const end = outcome.settled
    ? `until the JIT compilers took under ${Math.round(settledShare * 100)}% of Neo4j's CPU`
    : outcome.shares.at(-1) === null
      ? 'the most asked for (the compilers cannot be measured here)'
      : 'the most asked for, the JIT compilers not yet settled';
  return `API warm-up (every kind, both servers, each round): ${outcome.rounds} ${outcome.rounds === 1 ? 'round' : 'rounds'} in ${fixed(outcome.seconds, 0)} s, ${end} (${outcome.shares.map(formatShare).join(' → ')})`;
}

/** How many load tests each API row pools, as a note under the API block; none for single runs (and older results). */
function describeRounds(results: BenchResults): string[] {
  const rounds = Math.max(1, ...results.sizes.flatMap((s) => s.api.flatMap((a) => a.runs.map((r) => r.rounds ?? 1))));
  if (rounds === 1) return [];
  const order = Array.from({ length: rounds }, (_, i) => (i % 2 === 0 ? 'hoptac, peer' : 'peer, hoptac')).join(', ');
  const { seconds, warmup } = results.settings;
  const each = seconds === undefined ? '' : ` of ${String(seconds)} s${warmup === undefined ? '' : ` (after ${String(warmup)} s of warm-up)`}`;
  return [`  every row ranks the answers of ${rounds} load tests${each} per server together, the servers taking turns (${order})`];
}

/**
 * Where each request's time went: CPU per request of the server process and of Neo4j over each
 * measured run (both servers share one Neo4j and run one at a time, so its CPU is the run's).
 * Empty when no run has the readings (no /proc).
 */
function formatCpu(results: BenchResults): string[] {
  const lines: string[] = [];
  for (const size of results.sizes) {
    for (const kind of [...new Set(size.api.map((a) => a.kind))]) {
      const hoptac = size.api.find((a) => a.kind === kind && a.server === 'hoptac');
      const peer = size.api.find((a) => a.kind === kind && a.server === 'peer');
      for (const run of hoptac?.runs ?? []) {
        const other = peer?.runs.find((r) => r.connections === run.connections);
        if (!run.cpuPerRequest) continue;
        const cells = (r: LoadResult | undefined) => [cpuMs(r, 'server'), cpuMs(r, 'neo4j'), cpuMs(r, 'server', 'neo4j')];
        lines.push(row([int(size.reports), QUERY_LABELS[kind], String(run.connections), ...cells(run), ...cells(other)], CPU_WIDTHS));
      }
    }
  }
  if (lines.length === 0) return [];
  return [
    '',
    'CPU per request (ms, over each measured run: the server process, Neo4j, both)',
    row(['reports', 'query', 'conns', 'hoptac', 'Neo4j', 'both', 'peer', 'Neo4j', 'both'], CPU_WIDTHS),
    ...lines,
  ];
}

function cpuMs(run: LoadResult | undefined, ...names: string[]): string {
  const values = names.map((name) => run?.cpuPerRequest?.[name]);
  return values.every((v) => v !== undefined) ? fixed(values.reduce((a: number, b) => a + (b ?? 0), 0), 2) : '';
}

const CPU_WIDTHS = [9, 26, 6, 7, 6, 6, 7, 6, 6];
const INGEST_WIDTHS = [9, 7, 10, 10, 11, 11, 7, 9, 9, 10, 10];
const API_WIDTHS = [9, 26, 6, 11, 8, 7, 9, 8, 7, 6, 6, 8];

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 1 && (widths === API_WIDTHS || widths === CPU_WIDTHS) ? c.padEnd(widths[i] ?? 8) : c.padStart(widths[i] ?? 8))).join(' ').trimEnd();
}

function int(n: number): string {
  return n.toLocaleString('en-US');
}

function fixed(n: number, digits: number): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '-';
}

function ratio(hoptac: number, peer: number): string {
  return peer > 0 && hoptac > 0 ? fixed(hoptac / peer, 2) : '-';
}

/** A latency in ms: two decimals below 10 ms, one above. */
export function formatLatency(value: number): string {
  return fixed(value, value < 10 ? 2 : 1);
}

/** Latency of a run, or '-' when no request completed within it. */
function ms(run: LoadResult, value: number): string {
  return run.requests > 0 ? formatLatency(value) : '-';
}
