import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/generate/corpus.ts';
import { listReportFiles, readReports } from '../../src/io/read-reports.ts';
import type { ReadResult } from '../../src/io/read-reports.ts';

/**
 * Report files as the attack run fed them: a `.txt` that is a FIFO or a link to `/dev/zero` hung
 * `extract` or grew it to 2.9 GB; a 10.3 MB feed of 7,000 reports was refused whole while one
 * 9.5 MB text was accepted; a folder's `.text` and `.md` files were skipped without a word.
 */

const REPO = join(import.meta.dirname, '..', '..');
const REPORT = 'Liên minh HTX tỉnh Hà Nam tổng kết năm 2023\n\nNgày 5/1/2024, Liên minh Hợp tác xã tỉnh Hà Nam tổ chức hội nghị tổng kết năm 2023.\n';

async function readAll(paths: string[], maxBytes?: number): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const result of readReports(paths, maxBytes === undefined ? undefined : { maxBytes })) results.push(result);
  return results;
}

function specialFiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoptac-attack-files-'));
  execFileSync('mkfifo', [join(dir, 'fifo.txt')]);
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  writeFileSync(join(dir, 'good.txt'), REPORT);
  writeFileSync(join(dir, 'notes.md'), '# notes');
  writeFileSync(join(dir, 'other.text'), REPORT);
  return dir;
}

describe('special files are refused by type before they are read', () => {
  it('names a FIFO and a link to /dev/zero as not regular files, and reads the rest', { timeout: 30_000 }, async () => {
    const dir = specialFiles();
    const results = (await readAll([dir])).filter((r) => r.ok || !r.skipped);
    expect(results.map((r) => (r.ok ? { ok: r.input.file } : { file: r.file.slice(dir.length + 1), reason: r.reason }))).toEqual([
      { file: 'fifo.txt', reason: 'not a regular file (a FIFO)' },
      { ok: 'good.txt' },
      { file: 'zero.txt', reason: 'not a regular file (a character device)' },
    ]);
  });

  it('extract ends with exit code 1, naming each special file and each file it skipped', { timeout: 120_000 }, () => {
    const dir = specialFiles();
    const run = spawnSync(process.execPath, [join(REPO, 'bin/hoptac.js'), 'extract', '--no-progress', dir], { cwd: REPO, encoding: 'utf8', timeout: 100_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const skippedReason = expect.stringMatching(/^not a report file \(\.txt, \.jsonl, /);
    expect(lines.filter((line) => line.level !== 'warning')).toEqual([
      { level: 'error', file: join(dir, 'fifo.txt'), reason: 'not a regular file (a FIFO)' },
      { level: 'skipped', file: join(dir, 'notes.md'), reason: skippedReason },
      { level: 'skipped', file: join(dir, 'other.text'), reason: skippedReason },
      { level: 'error', file: join(dir, 'zero.txt'), reason: 'not a regular file (a character device)' },
      { level: 'summary', files: 5, reports: 1, skipped: 2, failed: 2 },
    ]);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('limits are per report, and a feed may be any size', () => {
  it('reads a 15 MB feed of 10,000 reports whole, one report per line', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-attack-feed-'));
    const feed = join(dir, 'reports.jsonl');
    const lines = [...generateCorpus({ reports: 10_000, seed: 1 })].map(({ input }) => JSON.stringify(input));
    writeFileSync(feed, `${lines.join('\n')}\n`);
    expect(Buffer.byteLength(lines.join('\n'))).toBeGreaterThan(15e6);
    let ok = 0;
    const failed: ReadResult[] = [];
    for await (const result of readReports([feed])) {
      if (result.ok) ok++;
      else failed.push(result);
    }
    expect({ ok, failed }).toEqual({ ok: 10_000, failed: [] });
  });

  it('fails a report over REPORT_MAX_BYTES alone: a .txt, a feed line, a feed line longer than any report', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-attack-limits-'));
    const big = `${REPORT}${'Hội nghị tổng kết. '.repeat(4000)}`;
    writeFileSync(join(dir, 'a-big.txt'), big);
    writeFileSync(join(dir, 'b-small.txt'), REPORT);
    writeFileSync(
      join(dir, 'c-feed.jsonl'),
      [
        JSON.stringify({ text: REPORT }),
        JSON.stringify({ text: big }),
        JSON.stringify({ text: 'x'.repeat(2_000_000) }),
        JSON.stringify({ text: REPORT, url: 'javascript:alert(1)' }),
        JSON.stringify({ text: REPORT, publishedAt: '2024-13-45' }),
        JSON.stringify({ text: REPORT, file: 'last.txt' }),
      ].join('\n'),
    );
    const results = await readAll([dir], 64 * 1024);
    const bigSize = `${(Buffer.byteLength(big) / 1024).toFixed(1)} KiB`;
    expect(results.map((r) => (r.ok ? { ok: r.input.file } : { file: r.file.slice(dir.length + 1), reason: r.reason }))).toEqual([
      { file: 'a-big.txt', reason: `too large: ${bigSize}, over the limit of 64.0 KiB per report (REPORT_MAX_BYTES)` },
      { ok: 'b-small.txt' },
      { ok: 'c-feed.jsonl#1' },
      { file: 'c-feed.jsonl#2', reason: `line 2: too large: ${bigSize}, over the limit of 64.0 KiB per report (REPORT_MAX_BYTES)` },
      { file: 'c-feed.jsonl#3', reason: expect.stringMatching(/^line 3: too large: 1\.9 MiB, over the limit of 64\.0 KiB per report/) },
      { file: 'c-feed.jsonl#4', reason: 'line 4: url: only http and https addresses are accepted, not javascript:' },
      { file: 'c-feed.jsonl#5', reason: expect.stringMatching(/^line 5: publishedAt: not a day that exists/) },
      { ok: 'last.txt' },
    ]);
  });

  it('lists the files a folder scan passes by, so a summary can name them', async () => {
    const dir = specialFiles();
    const listed = await listReportFiles([dir]);
    expect(listed.filter((entry) => entry.skipped).map((entry) => entry.file)).toEqual([join(dir, 'notes.md'), join(dir, 'other.text')]);
  });
});
