import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compilerShare, describeStep, describeWarmup, parseStat, readJvmCpu, readNeo4jCpu, readProcessCpuMs, warmRoundsUntilSettled, warmUntilSettled } from '../../bench/jvm-warmup.ts';
import type { JvmCpu, WarmupChunk } from '../../bench/jvm-warmup.ts';

/** A /proc stat line with the given name and CPU ticks (utime, stime are the 14th and 15th fields). */
function statLine(pid: number, name: string, utime: number, stime: number): string {
  const after = ['S', '1', '1', '1', '0', '-1', '4194560', '100', '0', '0', '0', String(utime), String(stime), '0', '0', '20', '0', '30'];
  return `${pid} (${name}) ${after.join(' ')}\n`;
}

describe('parseStat', () => {
  it('reads the name, even with spaces and parentheses, and user + system time in ms', () => {
    expect(parseStat(statLine(7, 'C2 CompilerThre', 120, 30))).toEqual({ name: 'C2 CompilerThre', cpuMs: 1500 });
    expect(parseStat(statLine(7, 'odd) (name', 1, 2))).toEqual({ name: 'odd) (name', cpuMs: 30 });
  });

  it('refuses a line that is not a stat line', () => {
    expect(() => parseStat('hello')).toThrow(/not a \/proc stat line/);
    expect(() => parseStat('1 (java) S 1')).toThrow(/no CPU times/);
  });
});

describe('readJvmCpu', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('takes the total from the process and the compilers from their threads', () => {
    dir = mkdtempSync(join(tmpdir(), 'hoptac-proc-'));
    const pid = 4242;
    mkdirSync(join(dir, String(pid), 'task'), { recursive: true });
    // The process total also counts threads that ended, so it exceeds the sum of the threads listed.
    writeFileSync(join(dir, String(pid), 'stat'), statLine(pid, 'java', 900, 100));
    const threads: Array<[number, string, number, number]> = [
      [4243, 'java', 100, 10],
      [4250, 'C2 CompilerThre', 300, 20],
      [4251, 'C1 CompilerThre', 40, 0],
      [4252, 'G1 Young RemSet', 50, 0],
      [4260, 'neo4j.BoltWorke', 200, 30],
    ];
    for (const [tid, name, utime, stime] of threads) {
      mkdirSync(join(dir, String(pid), 'task', String(tid)));
      writeFileSync(join(dir, String(pid), 'task', String(tid), 'stat'), statLine(tid, name, utime, stime));
    }
    expect(readJvmCpu(pid, dir)).toEqual({ compilerMs: 3600, totalMs: 10_000 });
  });

  it('is null for a process it cannot read', () => {
    dir = mkdtempSync(join(tmpdir(), 'hoptac-proc-'));
    expect(readJvmCpu(4242, dir)).toBeNull();
  });

  it('reads any process’s user + system time in ms (readProcessCpuMs), null without a pid or a readable /proc entry', () => {
    dir = mkdtempSync(join(tmpdir(), 'hoptac-proc-'));
    mkdirSync(join(dir, '77'));
    writeFileSync(join(dir, '77', 'stat'), statLine(77, 'node', 123, 4));
    expect(readProcessCpuMs(77, dir)).toBe(1270);
    expect(readProcessCpuMs(78, dir)).toBeNull();
    expect(readProcessCpuMs(null, dir)).toBeNull();
  });

  it.runIf(process.platform === 'linux')('reads a live process on Linux (this one: CPU used, no HotSpot compiler threads)', () => {
    for (let i = 0, x = 0; i < 3e7; i++) x += i; // use some CPU
    const cpu = readJvmCpu(process.pid);
    expect(cpu?.totalMs).toBeGreaterThan(0);
    expect(cpu?.compilerMs).toBe(0);
    expect(readNeo4jCpu({ pid: process.pid })?.totalMs).toBeGreaterThan(0);
  });

  it('reads nothing for a database at NEO4J_URI, which has no local process', () => {
    expect(readNeo4jCpu({ pid: null })).toBeNull();
  });
});

describe('compilerShare', () => {
  it('is the compilers’ part of the CPU used between two readings', () => {
    expect(compilerShare({ compilerMs: 100, totalMs: 1000 }, { compilerMs: 400, totalMs: 2000 })).toBeCloseTo(0.3);
  });

  it('is null without both readings or without CPU used, and stays within 0–1', () => {
    expect(compilerShare(null, { compilerMs: 1, totalMs: 1 })).toBeNull();
    expect(compilerShare({ compilerMs: 0, totalMs: 50 }, { compilerMs: 0, totalMs: 50 })).toBeNull();
    // A compiler thread that ended takes its time out of the sum: never a negative share.
    expect(compilerShare({ compilerMs: 500, totalMs: 1000 }, { compilerMs: 100, totalMs: 2000 })).toBe(0);
  });
});

describe('warmUntilSettled', () => {
  /** CPU readings whose compiler share over the n-th chunk is shares[n]; 1,000 ms of CPU per chunk. */
  function fakeCpu(shares: number[]): { readCpu: () => JvmCpu; calls: string[]; load: (chunk: number) => Promise<number> } {
    const calls: string[] = [];
    let cpu: JvmCpu = { compilerMs: 0, totalMs: 0 };
    return {
      calls,
      readCpu: () => {
        calls.push('read');
        return cpu;
      },
      load: async (chunk) => {
        calls.push(`load ${chunk}`);
        const share = shares[chunk] ?? 0;
        cpu = { compilerMs: cpu.compilerMs + 1000 * share, totalMs: cpu.totalMs + 1000 };
        return 1000;
      },
    };
  }

  it('loads chunks until the compilers’ share over one falls below the threshold', async () => {
    const fake = fakeCpu([0.45, 0.3, 0.12, 0.05]);
    const prepared: WarmupChunk[] = [];
    const outcome = await warmUntilSettled({
      prepare: async (chunk) => {
        prepared.push(chunk);
        fake.calls.push(`prepare ${chunk.index}`);
        return chunk.index;
      },
      load: fake.load,
      readCpu: fake.readCpu,
      maxReports: 30_000,
      settledShare: 0.15,
    });
    expect(outcome.settled).toBe(true);
    expect(outcome.reports).toBe(3000);
    expect(outcome.steps.map((s) => s.compilerShare)).toEqual([0.45, 0.3, 0.12]);
    expect(prepared).toEqual([
      { index: 0, offset: 0, reports: 1000 },
      { index: 1, offset: 1000, reports: 1000 },
      { index: 2, offset: 2000, reports: 1000 },
    ]);
    // Preparing a chunk (emptying the graph, generating records) is outside the measured window.
    expect(fake.calls.slice(0, 8)).toEqual(['prepare 0', 'read', 'load 0', 'read', 'prepare 1', 'read', 'load 1', 'read']);
  });

  it('stops at the maximum when the compilers never settle', async () => {
    const fake = fakeCpu([0.5, 0.5, 0.5, 0.5, 0.5]);
    const outcome = await warmUntilSettled({ prepare: async ({ index }) => index, load: fake.load, readCpu: fake.readCpu, maxReports: 3000, settledShare: 0.15 });
    expect(outcome).toMatchObject({ reports: 3000, settled: false });
    expect(describeWarmup(outcome, 0.15)).toMatch(/^3,000 reports in \d+ s, the maximum, the JIT compilers still at 50% of Neo4j's CPU/);
  });

  it('loads the maximum where the compilers cannot be measured', async () => {
    let loads = 0;
    const outcome = await warmUntilSettled({
      prepare: async ({ index }) => index,
      load: async () => {
        loads++;
        return 1000;
      },
      readCpu: () => null,
      maxReports: 4000,
      settledShare: 0.15,
    });
    expect(loads).toBe(4);
    expect(outcome).toMatchObject({ reports: 4000, settled: false });
    expect(outcome.steps.every((s) => s.compilerShare === null)).toBe(true);
    expect(describeWarmup(outcome, 0.15)).toContain('the compilers cannot be measured here');
  });

  it('never loads more than the maximum: the last chunk is cut, and a maximum below a chunk is one chunk', async () => {
    const chunksFor = async (maxReports: number) => {
      const prepared: WarmupChunk[] = [];
      const outcome = await warmUntilSettled({
        prepare: async (chunk) => {
          prepared.push(chunk);
          return chunk.reports;
        },
        load: async (reports) => reports,
        readCpu: () => null,
        maxReports,
        settledShare: 0.15,
      });
      return { prepared, reports: outcome.reports };
    };
    expect(await chunksFor(1500)).toEqual({
      prepared: [
        { index: 0, offset: 0, reports: 1000 },
        { index: 1, offset: 1000, reports: 500 },
      ],
      reports: 1500,
    });
    expect(await chunksFor(300)).toEqual({ prepared: [{ index: 0, offset: 0, reports: 300 }], reports: 300 });
  });

  it('fails when a chunk loads nothing instead of looping for ever', async () => {
    await expect(
      warmUntilSettled({ prepare: async ({ index }) => index, load: async () => 0, readCpu: () => null, maxReports: 1000, settledShare: 0.15 }),
    ).rejects.toThrow(/warm-up chunk 0 loaded no report/);
  });

  it('describes a settled warm-up with its first and last chunk', async () => {
    const fake = fakeCpu([0.41, 0.12]);
    const outcome = await warmUntilSettled({ prepare: async ({ index }) => index, load: fake.load, readCpu: fake.readCpu, maxReports: 30_000, settledShare: 0.15 });
    expect(describeWarmup(outcome, 0.15)).toMatch(
      /^2,000 reports in \d+ s, until the JIT compilers took under 15% of Neo4j's CPU \(first 1,000: \d+ r\/s, compilers 41%; last: \d+ r\/s, 12%\)$/,
    );
    expect(describeStep(outcome.steps[1]!, outcome)).toMatch(/^warm-up: 2000 reports, last 1000 at \d+ r\/s, JIT compilers 12% of Neo4j's CPU$/);
    expect(describeStep({ reports: 1000, seconds: 4, compilerShare: null }, outcome)).toBe('warm-up: 2000 reports, last 1000 at 250 r/s, JIT compilers not measured');
  });
});

describe('warmRoundsUntilSettled', () => {
  /** CPU readings whose compiler share over the n-th round is shares[n] (null: no reading); 1,000 ms of CPU per round. */
  function rounds(shares: (number | null)[]) {
    let cpu: JvmCpu = { compilerMs: 0, totalMs: 0 };
    let ran = 0;
    return {
      ran: () => ran,
      round: async (index: number) => {
        expect(index).toBe(ran);
        const share = shares[ran++] ?? 0;
        cpu = { compilerMs: cpu.compilerMs + 1000 * (share ?? 0), totalMs: cpu.totalMs + 1000 };
      },
      readCpu: () => (shares[Math.max(0, ran - 1)] === null ? null : cpu),
    };
  }

  it('runs rounds until the compilers take less than the threshold of one, and says so', async () => {
    const fake = rounds([0.47, 0.2, 0.08, 0.03, 0.01]);
    const seen: string[] = [];
    const outcome = await warmRoundsUntilSettled({
      ...fake,
      maxRounds: 12,
      settledShare: 0.05,
      onRound: (index, share) => seen.push(`${index}:${share}`),
    });
    expect(outcome).toMatchObject({ rounds: 4, settled: true, shares: [0.47, 0.2, 0.08, 0.03] });
    expect(fake.ran()).toBe(4);
    expect(seen).toEqual(['0:0.47', '1:0.2', '2:0.08', '3:0.03']);
  });

  it('stops at the most rounds asked for when the compilers never settle, and runs them all without readings', async () => {
    const busy = rounds([0.5, 0.4, 0.3, 0.2]);
    expect(await warmRoundsUntilSettled({ ...busy, maxRounds: 3, settledShare: 0.05 })).toMatchObject({ rounds: 3, settled: false });
    const blind = rounds([null, null, null]);
    expect(await warmRoundsUntilSettled({ ...blind, maxRounds: 3, settledShare: 0.05 })).toMatchObject({ rounds: 3, settled: false, shares: [null, null, null] });
  });
});
