import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/extract.ts';
import type { ReportInput } from '../../src/extract/record/schema.ts';
import { extractReports } from '../../src/io/extract-reports.ts';
import type { ExtractResult } from '../../src/io/extract-reports.ts';
import type { ReadResult } from '../../src/io/read-reports.ts';

const TEXT = 'Sáng ngày 12/3/2024, Liên minh Hợp tác xã tỉnh Hòa Bình tổ chức Hội nghị tổng kết năm 2023.';

/** Extracts as the commands do: asynchronously (a worker thread there), after `delays[file]` ms. */
function extractAfter(delays: Record<string, number>) {
  return async (input: ReportInput) => {
    await new Promise((wake) => setTimeout(wake, delays[input.file] ?? 0));
    return extractReport(input);
  };
}

const fileOf = (result: ExtractResult): string => (result.ok ? result.record.document.file : `failed ${result.file}`);

describe('extractReports', () => {
  it('hands on a report as soon as it is extracted, while the source still waits for the next (a site read a page at a time)', async () => {
    let release = () => {};
    const waiting = new Promise<void>((resolve) => (release = resolve));
    async function* slowSource(): AsyncGenerator<ReadResult> {
      yield { ok: true, input: { file: 'first.txt', text: TEXT } };
      await waiting;
      yield { ok: true, input: { file: 'second.txt', text: TEXT } };
    }
    const results = extractReports(slowSource(), { extract: extractAfter({}) });
    const first = await Promise.race([results.next(), new Promise<'held back'>((resolve) => setTimeout(() => resolve('held back'), 2_000))]);
    release();
    expect(first === 'held back' ? first : fileOf(first.value as ExtractResult)).toBe('first.txt');
    const rest: string[] = [];
    for await (const result of results) rest.push(fileOf(result));
    expect(rest).toEqual(['second.txt']);
  });

  it('keeps the order of the source when a later report is extracted first', async () => {
    async function* source(): AsyncGenerator<ReadResult> {
      for (const file of ['slow.txt', 'fast.txt', 'middle.txt']) yield { ok: true, input: { file, text: TEXT } };
    }
    const files: string[] = [];
    for await (const result of extractReports(source(), { extract: extractAfter({ 'slow.txt': 80, 'middle.txt': 20 }) })) files.push(fileOf(result));
    expect(files).toEqual(['slow.txt', 'fast.txt', 'middle.txt']);
  });
});
