import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReports } from '../../src/io/read-reports.ts';
import { repoRoot } from './score-support.ts';

const REPORT = 'Liên minh HTX tỉnh Hà Nam tổng kết năm 2023\n\nNgày 5/1/2024, Liên minh Hợp tác xã tỉnh Hà Nam tổ chức hội nghị tổng kết năm 2023.\n';

/** A folder with one good report and every kind of bad input the reader must survive. */
function makeInputs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoptac-read-'));
  writeFileSync(join(dir, 'a-good.txt'), REPORT);
  writeFileSync(join(dir, 'b-empty.txt'), '  \n\n');
  writeFileSync(join(dir, 'c-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03]));
  writeFileSync(join(dir, 'd-latin1.txt'), Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f, 0x20, 0xff, 0x0a]));
  writeFileSync(join(dir, 'e-huge.txt'), Buffer.alloc(20 * 1024 * 1024, 0x61));
  writeFileSync(join(dir, 'f-page.txt'), '<!DOCTYPE html><html><head><title>x</title></head><body><p>Tin</p></body></html>');
  writeFileSync(
    join(dir, 'g-feed.jsonl'),
    [
      JSON.stringify({ text: REPORT, url: 'https://baohanam.com.vn/kinh-te/1', publishedAt: '2024-01-06', source: 'Báo Hà Nam' }),
      '{not json',
      JSON.stringify({ title: 'no text' }),
      '',
      JSON.stringify({ text: REPORT, file: 'own-name.txt' }),
    ].join('\n'),
  );
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'nested', 'h-good.txt'), REPORT);
  writeFileSync(join(dir, 'nested', 'ignored.pdf'), 'x');
  return dir;
}

describe('readReports', () => {
  it('reads good reports and turns each kind of bad input into a reason', async () => {
    const dir = makeInputs();
    const results = [];
    for await (const r of readReports([dir, join(dir, 'missing.txt')])) {
      results.push(r.ok ? { ok: true, file: r.input.file, url: r.input.url ?? null } : { ok: false, file: r.file.slice(dir.length + 1) || r.file, reason: r.reason });
    }
    expect(results).toEqual([
      { ok: true, file: 'a-good.txt', url: null },
      { ok: false, file: 'b-empty.txt', reason: 'empty: no text' },
      { ok: false, file: 'c-binary.txt', reason: 'binary content, not text' },
      { ok: false, file: 'd-latin1.txt', reason: 'not valid UTF-8 text' },
      { ok: false, file: 'e-huge.txt', reason: 'too large: 20.0 MiB, over the limit of 2.0 MiB per report (REPORT_MAX_BYTES)' },
      { ok: false, file: 'f-page.txt', reason: "an HTML page, not report text (send the article's text, or save the page as .html to have its article read)" },
      { ok: true, file: 'g-feed.jsonl#1', url: 'https://baohanam.com.vn/kinh-te/1' },
      { ok: false, file: 'g-feed.jsonl#2', reason: expect.stringMatching(/^line 2 is not JSON/) },
      { ok: false, file: 'g-feed.jsonl#3', reason: expect.stringMatching(/^line 3: .*text/) },
      { ok: true, file: 'own-name.txt', url: null },
      { ok: true, file: 'h-good.txt', url: null },
      { ok: false, file: 'nested/ignored.pdf', reason: expect.stringMatching(/^not a report file \(\.txt, \.jsonl, /) },
      { ok: false, file: 'missing.txt', reason: 'cannot read: no such file or folder' },
    ]);
  });
});

describe('the extract command', { timeout: 90_000 }, () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, 'bin/hoptac.js'), 'extract', ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26 });

  it('prints one record per good report on stdout, errors on stderr, and exits 1 when some failed', () => {
    const dir = makeInputs();
    const result = run(['-q', dir]);
    const records = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { document: { file: string }; province: string | null });
    expect(records.map((r) => [r.document.file, r.province])).toEqual([
      ['a-good.txt', 'Hà Nam'],
      ['g-feed.jsonl#1', 'Hà Nam'],
      ['own-name.txt', 'Hà Nam'],
      ['h-good.txt', 'Hà Nam'],
    ]);
    const errors = result.stderr.trim().split('\n').map((l) => JSON.parse(l) as { level: string; file?: string });
    expect(errors.filter((e) => e.level === 'error')).toHaveLength(7);
    // quiet: the file a folder scan passes by is counted, not named
    expect(errors.filter((e) => e.level === 'skipped')).toEqual([]);
    expect(errors.at(-1)).toEqual({ level: 'summary', files: 9, reports: 4, skipped: 1, failed: 7 });
    expect(result.status).toBe(1);
  });

  it('exits 0 on good input and 2 on a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-cli-'));
    writeFileSync(join(dir, 'r.txt'), REPORT);
    const out = join(dir, 'out.jsonl');
    const ok = run(['-q', '--out', out, join(dir, 'r.txt')]);
    expect({ status: ok.status, stdout: ok.stdout }).toEqual({ status: 0, stdout: '' });
    expect(run([]).status).toBe(2);
  });
});
