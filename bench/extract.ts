import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractReport } from '../src/extract/extract.ts';
import { generateCorpus } from '../src/generate/corpus.ts';
import { toGoldRecord } from '../src/generate/gold.ts';
import type { ExtractionRecord, ReportInput } from '../src/extract/record/schema.ts';

/**
 * Extraction speed on one core: generates N synthetic reports of the genre (not
 * timed), extracts them all in this one thread, and prints reports per second.
 * Before that it extracts W other reports of the same corpus (numbers N … N+W-1) so
 * that V8 has compiled the extractor: for the first two thousand or so reports it runs
 * partly in unoptimised code while the optimiser works on the side, and a long ingest is
 * nearly all steady state. The warm-up's own rate is printed too.
 * Records are dropped as they come, as the ingest drops them after each chunk; with
 * --score they are kept and scored against the generator's expected records (holding
 * them all then costs the collector some time, which the figures include).
 * Usage: npx tsx bench/extract.ts [--reports 2000] [--warmup 2000] [--seed 7] [--score]
 */

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '7' },
    score: { type: 'boolean', default: false },
  },
});
const count = Number(values.reports);
const warmupCount = Number(values.warmup);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) throw new Error('--reports must be a positive integer');
if (!Number.isInteger(warmupCount) || warmupCount < 0) throw new Error('--warmup must be a whole number');

const generated = [...generateCorpus({ reports: count, seed })];
const inputs: ReportInput[] = generated.map((g) => g.input);
const bytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.text), 0);

const warmupInputs = [...generateCorpus({ reports: warmupCount, seed, first: count })].map((g) => g.input);
const warmupStarted = process.hrtime.bigint();
for (const input of warmupInputs) extractReport(input);
const warmupSeconds = Number(process.hrtime.bigint() - warmupStarted) / 1e9;

const records: ExtractionRecord[] = [];
const perReport: number[] = [];
const cpuBefore = process.cpuUsage();
const started = process.hrtime.bigint();
for (const input of inputs) {
  const t0 = process.hrtime.bigint();
  const record = extractReport(input);
  if (values.score) records.push(record);
  perReport.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
perReport.sort((a, b) => a - b);
const pct = (p: number): string => (perReport[Math.min(perReport.length - 1, Math.floor(p * perReport.length))] ?? 0).toFixed(2);

console.log(`extraction benchmark: ${count} generated reports (seed ${seed}), ${(bytes / 1024 / 1024).toFixed(1)} MB of text, one thread`);
if (warmupCount > 0) console.log(`  warm-up first: ${warmupCount} other reports of the corpus at ${(warmupCount / warmupSeconds).toFixed(0)} reports/s while V8 compiles (not in the figures below)`);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(`  ${(count / seconds).toFixed(0)} reports/s wall-clock · ${(count / cpuSeconds).toFixed(0)} reports per CPU-second · ${((bytes / 1024 / 1024) / seconds).toFixed(2)} MB/s`);
console.log(`  wall ${seconds.toFixed(2)} s · cpu ${cpuSeconds.toFixed(2)} s · load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (a busy machine slows the wall-clock figure)`);
console.log(`  per report: p50 ${pct(0.5)} ms · p95 ${pct(0.95)} ms · p99 ${pct(0.99)} ms · max ${pct(1)} ms`);

if (values.score) {
  const scorer = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/eval/score.mjs');
  if (!existsSync(scorer)) throw new Error(`scorer not found at ${scorer}`);
  const dir = mkdtempSync(join(tmpdir(), 'hoptac-bench-'));
  mkdirSync(join(dir, 'gold'));
  generated.forEach((g, i) => writeFileSync(join(dir, 'gold', `${String(i).padStart(6, '0')}.json`), JSON.stringify(toGoldRecord(g.expected))));
  writeFileSync(join(dir, 'records.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  const out = execFileSync(process.execPath, [scorer, join(dir, 'records.jsonl'), join(dir, 'gold')], { encoding: 'utf8', maxBuffer: 1 << 28 });
  console.log(`  against the generator's expected records: ${out.trim().split('\n').pop()}`);
}
