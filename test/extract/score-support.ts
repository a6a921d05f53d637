import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../../src/extract/extract.ts';
import { readReports } from '../../src/io/read-reports.ts';
import type { ExtractionRecord } from '../../src/extract/record.ts';

/** Runs the project's scorer (`../shared/eval/score.mjs`) over records extracted from report files. */

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const scorerPath = resolve(repoRoot, '../shared/eval/score.mjs');

export type Score = {
  entities: { p: number; r: number; f1: number };
  relations: { p: number; r: number; f1: number };
  statistics: { p: number; r: number; f1: number };
  attributes: { title: [number, number]; role: [number, number]; meta: [number, number] };
  misses: string[];
};

/** Extracts every report under `paths` (failing on any unreadable input). */
export async function extractAll(paths: string[]): Promise<ExtractionRecord[]> {
  const records: ExtractionRecord[] = [];
  for await (const result of readReports(paths)) {
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
