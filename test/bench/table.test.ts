import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../bench/load-test.ts';
import { describeApiWarmup, formatTable } from '../../bench/table.ts';
import type { BenchResults, SizeFigures } from '../../bench/table.ts';

const warmup = { reports: 0, seconds: 0, settled: true, steps: [] };

function run(connections: number, cpuPerRequest?: Record<string, number>): LoadResult {
  return {
    connections,
    seconds: 5,
    requests: 5000,
    requestsPerSecond: 1000,
    p50: 10,
    p90: 20,
    p99: 30,
    max: 40,
    errors: 0,
    non2xx: 0,
    timeouts: 0,
    ...(cpuPerRequest ? { cpuPerRequest } : {}),
  };
}

function results(hoptacRuns: LoadResult[], peerRuns: LoadResult[]): BenchResults {
  const size: SizeFigures = {
    reports: 1000,
    graph: { nodes: 10, relationships: 20 },
    extraction: { reports: 100, seconds: 1, reportsPerSecond: 100 },
    naive: { reports: 10, transactions: 100, seconds: 1, writes: 100, failed: 0, reasons: [] },
    hoptacSample: { reports: 10, seconds: 0.1, writes: 100 },
    hoptac: { reports: 1000, seconds: 2, writes: 10_000, failed: 0 },
    warmup,
    rewarm: warmup,
    hoptacCompilerShare: null,
    api: [
      { kind: 'neighborhood', server: 'hoptac', targets: 20, bytes: 100, problem: null, runs: hoptacRuns },
      { kind: 'neighborhood', server: 'peer', targets: 20, bytes: 100, problem: null, runs: peerRuns },
    ],
    peerMissing: {},
  };
  return { date: '2026-01-01T00:00:00.000Z', machine: { cores: 2, memoryGiB: 8, cpu: 'test', node: 'v20', loadAverage: [0, 0, 0] }, settings: {}, sizes: [size], seconds: 60 };
}

describe('formatTable', () => {
  it('prints CPU per request of each server and of Neo4j, and their sum, per row', () => {
    const table = formatTable(
      results([run(1, { server: 0.8, neo4j: 0.55 }), run(20, { server: 0.5 })], [run(1, { server: 1.3, neo4j: 0.5 }), run(20, { server: 1.1, neo4j: 0.4 })]),
    );
    const lines = table.split('\n');
    const header = lines.findIndex((line) => line.startsWith('CPU per request'));
    expect(header).toBeGreaterThan(0);
    const cells = (line: string | undefined) => (line ?? '').trim().split(/ {2,}|(?<=\d) (?=\d)/);
    expect(cells(lines[header + 2])).toEqual(['1,000 depth-2 neighbourhood', '1', '0.80', '0.55', '1.35', '1.30', '0.50', '1.80']);
    // A reading that failed leaves its cells, and the sum, empty.
    expect(cells(lines[header + 3])).toEqual(['1,000 depth-2 neighbourhood', '20', '0.50', '1.10', '0.40', '1.50']);
  });

  it('prints latencies below 10 ms with two decimals, and the ratios of the exact values', () => {
    const hoptac = { ...run(1), p50: 0.8412, p99: 3.456 };
    const peer = { ...run(1), p50: 1.2, p99: 12.34, requestsPerSecond: 800 };
    const line = formatTable(results([hoptac], [peer])).split('\n').find((l) => l.startsWith('    1,000 depth-2'));
    expect(line?.trim().split(/ {2,}|(?<=\d) (?=\d)/)).toEqual(['1,000 depth-2 neighbourhood', '1', '0.84', '3.46', '1000', '1.20', '12.3', '800', '0.70', '0.28', '1.25']);
  });

  it('says how many load tests every API row pools, and in which order the servers took turns', () => {
    const pooled = { ...results([{ ...run(1), rounds: 2 }], [{ ...run(1), rounds: 2 }]), settings: { seconds: 5, warmup: 2 } };
    expect(formatTable(pooled)).toContain(
      'every row ranks the answers of 2 load tests of 5 s (after 2 s of warm-up) per server together, the servers taking turns (hoptac, peer, peer, hoptac)',
    );
    expect(formatTable(results([run(1)], [run(1)]))).not.toContain('load tests');
  });

  it('leaves the CPU block out when no run has readings', () => {
    expect(formatTable(results([run(1)], [run(1)]))).not.toContain('CPU per request');
  });
});

describe('describeApiWarmup', () => {
  it('gives the rounds, their time, why they ended and the compilers’ share over each', () => {
    expect(describeApiWarmup({ rounds: 3, seconds: 81.4, settled: true, shares: [0.41, 0.12, 0.03] }, 0.05)).toBe(
      "API warm-up (every kind, both servers, each round): 3 rounds in 81 s, until the JIT compilers took under 5% of Neo4j's CPU (41% → 12% → 3%)",
    );
    expect(describeApiWarmup({ rounds: 2, seconds: 54, settled: false, shares: [0.41, 0.2] }, 0.05)).toContain('2 rounds in 54 s, the most asked for, the JIT compilers not yet settled (41% → 20%)');
    expect(describeApiWarmup({ rounds: 1, seconds: 27, settled: true, shares: [0.04] }, 0.05)).toContain('1 round in 27 s, until');
    expect(describeApiWarmup({ rounds: 2, seconds: 54, settled: false, shares: [null, null] }, 0.05)).toContain('the compilers cannot be measured here');
  });
});
