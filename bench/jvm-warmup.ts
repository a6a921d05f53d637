import { readFileSync, readdirSync } from 'node:fs';
import type { Database } from '../src/graph/database.ts';

/**
 * Warming Neo4j's JVM up before measuring loads. On a small machine HotSpot's JIT compilers keep
 * compiling Neo4j's storage engine, locks and indexes for a long time: on two cores, loading 1,000
 * reports at a time, they still took about 40% of the JVM's CPU after 3,000 reports and fell below
 * 15% only after about 20,000. A figure taken before that measures the compiler as much as the
 * loader. So the benchmarks load chunks of reports that are not part of any corpus until the
 * compiler threads' share of the JVM's CPU over a chunk falls below a threshold (or a maximum is
 * reached), and print how long that took.
 */

/** Reports per warm-up chunk (fewer when the maximum is smaller), after each of which the compilers' share is read. */
const WARMUP_CHUNK = 1000;

/** One chunk to prepare: its place, its first report's offset among the warm-up reports, and its size. */
export type WarmupChunk = { index: number; offset: number; reports: number };

/** CPU time a JVM has used, in ms: by its JIT compiler threads and by everything else. */
export type JvmCpu = { compilerMs: number; totalMs: number };

/** /proc counts CPU time in clock ticks of 1/100 s (USER_HZ, fixed by the kernel's ABI on the usual architectures). */
const MS_PER_TICK = 10;

/** HotSpot's JIT threads: "C1 CompilerThread0", "C2 CompilerThread1", … (names cut to 15 characters by the kernel). */
const COMPILER_THREAD = /^C[12] CompilerThre/;

/** A /proc `stat` line (process or thread): its name and the CPU it used (user + system), in ms. */
export function parseStat(line: string): { name: string; cpuMs: number } {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc stat line: ${line.slice(0, 80)}`);
  // After the name come the fields from the 3rd (state) on; utime and stime are the 14th and 15th.
  const fields = line.slice(close + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`no CPU times in /proc stat line: ${line.slice(0, 80)}`);
  return { name: line.slice(open + 1, close), cpuMs: (utime + stime) * MS_PER_TICK };
}

/** A process's CPU so far (user + system, all its threads), in ms; null where /proc cannot tell. */
export function readProcessCpuMs(pid: number | null, proc = '/proc'): number | null {
  if (pid === null) return null;
  try {
    return parseStat(readFileSync(`${proc}/${pid}/stat`, 'utf8')).cpuMs;
  } catch {
    return null;
  }
}

/**
 * The JVM's CPU so far, with its compiler threads' part, from /proc (Linux); null where that
 * cannot be read (another system, or the process is gone). The total comes from the process
 * (it keeps the time of threads that ended), the compilers' part from their threads.
 */
export function readJvmCpu(pid: number, proc = '/proc'): JvmCpu | null {
  const totalMs = readProcessCpuMs(pid, proc);
  if (totalMs === null) return null;
  try {
    let compilerMs = 0;
    for (const tid of readdirSync(`${proc}/${pid}/task`)) {
      let line: string;
      try {
        line = readFileSync(`${proc}/${pid}/task/${tid}/stat`, 'utf8');
      } catch {
        continue; // the thread ended between listing and reading
      }
      const thread = parseStat(line);
      if (COMPILER_THREAD.test(thread.name)) compilerMs += thread.cpuMs;
    }
    return { compilerMs, totalMs };
  } catch {
    return null;
  }
}

/** The CPU of the local Neo4j this process started; null for a server at `NEO4J_URI` (no pid) or without /proc. */
export function readNeo4jCpu(database: Pick<Database, 'pid'>): JvmCpu | null {
  return database.pid === null ? null : readJvmCpu(database.pid);
}

/** The compilers' share of the JVM's CPU between two readings; null without both or without CPU used. */
export function compilerShare(before: JvmCpu | null, after: JvmCpu | null): number | null {
  if (!before || !after) return null;
  const total = after.totalMs - before.totalMs;
  if (total <= 0) return null;
  return Math.min(1, Math.max(0, (after.compilerMs - before.compilerMs) / total));
}

/** One warm-up chunk: reports loaded, seconds, and the compilers' share of the JVM's CPU meanwhile. */
export type WarmupStep = { reports: number; seconds: number; compilerShare: number | null };
/** The whole warm-up; `settled` when it ended because the share fell below the threshold. */
export type WarmupOutcome = { reports: number; seconds: number; settled: boolean; steps: WarmupStep[] };

/**
 * Loads chunks of `WARMUP_CHUNK` reports, the last one cut so as not to pass `maxReports`
 * (`prepare` is not timed, `load` is and returns the reports it loaded), until the compilers' share of the JVM's CPU over a chunk
 * is below `settledShare`, or `maxReports` are loaded. Without CPU readings (`readCpu` null) it
 * loads `maxReports`.
 */
export async function warmUntilSettled<T>(options: {
  prepare: (chunk: WarmupChunk) => Promise<T>;
  load: (prepared: T) => Promise<number>;
  readCpu: () => JvmCpu | null;
  maxReports: number;
  settledShare: number;
  onStep?: (step: WarmupStep, outcome: WarmupOutcome) => void;
}): Promise<WarmupOutcome> {
  const outcome: WarmupOutcome = { reports: 0, seconds: 0, settled: false, steps: [] };
  for (let index = 0; outcome.reports < options.maxReports; index++) {
    const reports = Math.min(WARMUP_CHUNK, options.maxReports - outcome.reports);
    const prepared = await options.prepare({ index, offset: outcome.reports, reports });
    const before = options.readCpu();
    const started = performance.now();
    const loaded = await options.load(prepared);
    const step: WarmupStep = { reports: loaded, seconds: (performance.now() - started) / 1000, compilerShare: compilerShare(before, options.readCpu()) };
    if (loaded <= 0) throw new Error(`warm-up chunk ${index} loaded no report`);
    outcome.steps.push(step);
    outcome.reports += step.reports;
    outcome.seconds += step.seconds;
    options.onStep?.(step, outcome);
    if (step.compilerShare !== null && step.compilerShare < options.settledShare) {
      outcome.settled = true;
      break;
    }
  }
  return outcome;
}

/** Rounds of work run to warm the JVM up: the compilers' share of its CPU over each, and whether it settled. */
export type RoundsOutcome = { rounds: number; seconds: number; settled: boolean; shares: (number | null)[] };

/**
 * Runs `round` until the compilers' share of the JVM's CPU over one round is below
 * `settledShare`, at most `maxRounds` times (all of them without CPU readings). The API's reads
 * need this as the loads do: on two cores, the depth-2 neighbourhood at 100k started at 14 ms of
 * Neo4j's CPU per request with the compilers at 47% of it, and took about 40 s under load to come
 * down to 0.6 ms with them at 1–3%.
 */
export async function warmRoundsUntilSettled(options: {
  round: (index: number) => Promise<void>;
  readCpu: () => JvmCpu | null;
  maxRounds: number;
  settledShare: number;
  onRound?: (index: number, share: number | null) => void;
}): Promise<RoundsOutcome> {
  const outcome: RoundsOutcome = { rounds: 0, seconds: 0, settled: false, shares: [] };
  while (outcome.rounds < options.maxRounds) {
    const before = options.readCpu();
    const started = performance.now();
    await options.round(outcome.rounds);
    const share = compilerShare(before, options.readCpu());
    outcome.seconds += (performance.now() - started) / 1000;
    outcome.shares.push(share);
    options.onRound?.(outcome.rounds, share);
    outcome.rounds++;
    if (share !== null && share < options.settledShare) {
      outcome.settled = true;
      break;
    }
  }
  return outcome;
}

/** A share as a whole percentage; "not measured" for null. */
export function formatShare(share: number | null): string {
  return share === null ? 'not measured' : `${Math.round(share * 100)}%`;
}

/** One chunk as a progress line: "warm-up: 3000 reports, last 1000 at 110 r/s, JIT compilers 44% of Neo4j's CPU". */
export function describeStep(step: WarmupStep, sofar: WarmupOutcome): string {
  const compilers = step.compilerShare === null ? 'not measured' : `${formatShare(step.compilerShare)} of Neo4j's CPU`;
  return `warm-up: ${sofar.reports} reports, last ${step.reports} at ${(step.reports / step.seconds).toFixed(0)} r/s, JIT compilers ${compilers}`;
}

/** "19,000 reports in 98 s, until the JIT compilers took under 15% of Neo4j's CPU (first 1,000 reports: 137 r/s, compilers 41%; last: 230 r/s, 12%)". */
export function describeWarmup(outcome: WarmupOutcome, settledShare: number): string {
  const first = outcome.steps[0];
  const last = outcome.steps.at(-1);
  if (!first || !last) return 'no warm-up';
  const rate = (s: WarmupStep) => `${(s.reports / s.seconds).toFixed(0)} r/s`;
  const end = outcome.settled
    ? `until the JIT compilers took under ${Math.round(settledShare * 100)}% of Neo4j's CPU`
    : last.compilerShare === null
      ? 'the maximum (the compilers cannot be measured here)'
      : `the maximum, the JIT compilers still at ${formatShare(last.compilerShare)} of Neo4j's CPU`;
  return (
    `${outcome.reports.toLocaleString('en-US')} reports in ${outcome.seconds.toFixed(0)} s, ${end} ` +
    `(first ${first.reports.toLocaleString('en-US')}: ${rate(first)}, compilers ${formatShare(first.compilerShare)}; last: ${rate(last)}, ${formatShare(last.compilerShare)})`
  );
}
