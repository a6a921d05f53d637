import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile, runLoadTest, summarizeLoad } from '../../bench/load-test.ts';
import type { LoadSample } from '../../bench/load-test.ts';

describe('percentile', () => {
  it('takes the nearest rank of ascending values, rounded to µs', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i + 1) / 10 + 0.0004);
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(9.9);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile([0.2504], 50)).toBe(0.25);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([], 99)).toBe(0);
  });
});

describe('summarizeLoad', () => {
  const sample = (times: number[], cpuMs: Record<string, number>, failures = 0): LoadSample => ({
    connections: 20,
    seconds: 5,
    requests: times.length + failures,
    times,
    errors: 0,
    non2xx: failures,
    timeouts: 0,
    cpuMs,
  });

  it('ranks the answers of all runs together and divides their requests and CPU by their summed time', () => {
    // A slow first run and a fast second one: ranked apart their p50s are 75 and 25, together 50.
    const slow = sample(Array.from({ length: 50 }, (_, i) => 51 + i), { server: 100, neo4j: 40 }, 2);
    const fast = sample(Array.from({ length: 50 }, (_, i) => 50 - i), { server: 50 });
    const result = summarizeLoad([slow, fast]);
    expect(result).toMatchObject({ connections: 20, rounds: 2, seconds: 10, requests: 102, non2xx: 2, p50: 50, p90: 90, p99: 99, max: 100 });
    expect(result.requestsPerSecond).toBeCloseTo(10.2);
    expect(result.perRound).toEqual([
      { requestsPerSecond: 52 / 5, p50: 75, p99: 100 },
      { requestsPerSecond: 10, p50: 25, p99: 50 },
    ]);
    // Neo4j was read in one run only: a per-request figure over both runs' requests would be wrong, so none.
    expect(result.cpuPerRequest).toEqual({ server: 150 / 102 });
  });

  it('is runLoadTest’s figures for one run', () => {
    const result = summarizeLoad([sample([3, 1, 2], {})]);
    expect(result).toMatchObject({ rounds: 1, requests: 3, p50: 2, p99: 3, requestsPerSecond: 3 / 5 });
    expect(result.perRound).toBeUndefined();
    expect(result.cpuPerRequest).toBeUndefined();
  });

  it('refuses runs at different client counts', () => {
    expect(() => summarizeLoad([sample([1], {}), { ...sample([1], {}), connections: 50 }])).toThrow(/different client counts \(20, 50\)/);
    expect(() => summarizeLoad([])).toThrow(/no runs/);
  });
});

describe('runLoadTest', () => {
  // Every answer takes at least 2.5 ms of the server's time, and every fourth is a 500.
  let answered = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const until = performance.now() + 2.5;
      while (performance.now() < until);
      answered += 1;
      response.writeHead(answered % 4 === 0 ? 500 : 200, { 'content-type': 'application/json' });
      response.end('{"data":{}}');
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reports latencies below the millisecond (a histogram of whole ms would give 2 here) and counts non-2xx apart', async () => {
    const result = await runLoadTest({ url, bodies: ['{}'], connections: 1, seconds: 1, warmupSeconds: 0 });
    expect(result.requests).toBeGreaterThan(20);
    expect(result.non2xx).toBeGreaterThan(0);
    expect(result.p50).toBeGreaterThanOrEqual(2.5);
    expect(Number.isInteger(result.p50)).toBe(false);
    expect(result.p50).toBeLessThanOrEqual(result.p90);
    expect(result.p90).toBeLessThanOrEqual(result.p99);
    expect(result.p99).toBeLessThanOrEqual(result.max);
  });
});
