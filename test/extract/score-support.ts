import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../../src/extract/extract.ts';
import { readReports } from '../../src/io/read-reports.ts';
import type { ExtractionRecord } from '../../src/extract/record/schema.ts';

/** Runs the project's scorer (`../shared/eval/score.mjs`) over records extracted from report files. */

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const scorerPath = resolve(repoRoot, '../shared/eval/score.mjs');

/** True positives, false positives and false negatives of one type. */
export type Tally = { tp: number; fp: number; fn: number };

export type Score = {
  entities: { p: number; r: number; f1: number; byType: Record<string, Tally> };
  relations: { p: number; r: number; f1: number; byType: Record<string, Tally> };
  statistics: { p: number; r: number; f1: number };
  attributes: { title: [number, number]; role: [number, number]; meta: [number, number] };
  misses: string[];
};

/** Extracts every report under `paths` (failing on any unreadable input). */
export async function extractAll(paths: string[]): Promise<ExtractionRecord[]> {
  const records: ExtractionRecord[] = [];
  for await (const result of readReports(paths)) {
    if (!result.ok && result.skipped) continue;
    if (!result.ok) throw new Error(`${result.file}: ${result.reason}`);
    records.push(extractReport(result.input));
  }
  return records;
}

/** Scores records against a gold folder (the scorer's own default when omitted). */
export function scoreRecords(records: ExtractionRecord[], goldDir?: string): Score {
  if (!existsSync(scorerPath)) {
    throw new Error(`the scorer is missing: expected ${scorerPath} (the shared evaluation folder next to the repository)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'hoptac-score-'));
  const file = join(dir, 'records.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const out = execFileSync(process.execPath, [scorerPath, file, ...(goldDir ? [goldDir] : []), '--json'], { encoding: 'utf8' });
  return JSON.parse(out) as Score;
}

/** F1 of one type's tally (1 when the type has nothing to find and nothing was found). */
export function f1Of({ tp, fp, fn }: Tally): number {
  return tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
}

/** A share from the scorer's `[ok, total]` pair. */
export function ratio([ok, total]: [number, number]): number {
  return total === 0 ? 1 : ok / total;
}

/** The least F1 per part and the least title and role accuracy a test accepts. */
export type Floors = { entities: number; relations: number; statistics: number; title: number; role: number };

/** Asserts every figure of `score` reaches its floor; on failure the scorer's misses explain why. */
export function expectScoreAtLeast(score: Score, floors: Floors): void {
  const summary: Floors = {
    entities: score.entities.f1,
    relations: score.relations.f1,
    statistics: score.statistics.f1,
    title: ratio(score.attributes.title),
    role: ratio(score.attributes.role),
  };
  const wanted = Object.fromEntries(
    Object.entries(floors).map(([part, floor]) => [part, expect.toSatisfy((v: number) => v >= floor)]),
  );
  expect(summary, score.misses.join('\n')).toEqual(wanted);
}

/** The real reports (`../shared/eval/real`): journalists' pages with hand-made answers. */
export const realDir = resolve(repoRoot, '../shared/eval/real');

/**
 * The two halves of the real set, split once by report number before any rule was tuned:
 * half A (odd numbers) is the one rules were developed on; half B (even numbers) was scored
 * once, before its misses were read, as the estimate for reports nobody has seen.
 */
export type RealHalf = 'A' | 'B';

/** The half a real report belongs to, from the number in its file name (`r101.txt` → A). */
export function realHalfOf(file: string): RealHalf {
  const number = /(\d+)/.exec(file)?.[1];
  if (number === undefined) throw new Error(`${file}: a real report's file name carries its number`);
  return Number(number) % 2 === 1 ? 'A' : 'B';
}

/** Scores the real reports of one half (or all) against their gold files, read where they are. */
export async function scoreReal(half: RealHalf | 'all'): Promise<{ records: ExtractionRecord[]; score: Score }> {
  const all = await extractAll([join(realDir, 'reports.jsonl')]);
  const records = half === 'all' ? all : all.filter((r) => realHalfOf(r.document.file) === half);
  const gold = join(realDir, 'gold');
  if (half === 'all') return { records, score: scoreRecords(records, gold) };
  const dir = mkdtempSync(join(tmpdir(), `hoptac-gold-${half}-`));
  for (const name of readdirSync(gold)) if (name.endsWith('.json') && realHalfOf(name) === half) copyFileSync(join(gold, name), join(dir, name));
  return { records, score: scoreRecords(records, dir) };
}
