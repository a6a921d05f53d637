import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toReportDay } from '../../src/io/html/page-metadata.ts';
import { canonicalUrl, isSameSite, siteHost } from '../../src/io/web/canonical-url.ts';
import { contentKind } from '../../src/io/web/content-kind.ts';
import { nonArticleAddress } from '../../src/io/web/non-article-address.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('one article, one address', () => {
  it('folds the mobile host, AMP paths, tracking parameters, http and fragments into one canonical URL', () => {
    const canonical = 'https://lmhtxdaknong.vn/tin-tuc/tong-ket-1187.html';
    for (const twin of [
      'http://lmhtxdaknong.vn/tin-tuc/tong-ket-1187.html',
      'https://www.lmhtxdaknong.vn/tin-tuc/tong-ket-1187.html#binh-luan',
      'http://m.lmhtxdaknong.vn/tin-tuc/tong-ket-1187.html?utm_source=zalo&utm_medium=social&zarsrc=31',
      'https://lmhtxdaknong.vn/amp/tin-tuc/tong-ket-1187.html',
      'https://amp.lmhtxdaknong.vn/tin-tuc/tong-ket-1187.html?fbclid=IwAR0',
      'https://lmhtxdaknong.vn/tin-tuc/tong-ket-1187.amp.html',
      'https://lmhtxdaknong.vn/tin-tuc/tong-ket-1187.html/amp',
      'https://LMHTXDAKNONG.vn/tin-tuc/tong-ket-1187.html?gidzl=abc',
    ]) expect(canonicalUrl(twin), twin).toBe(canonical);
    expect(canonicalUrl('https://baolaocai.vn/tin?id=5&cat=2&utm_campaign=x')).toBe('https://baolaocai.vn/tin?cat=2&id=5');
    expect(canonicalUrl('https://m.vn/bai-1.html')).toBe('https://m.vn/bai-1.html');
    expect(canonicalUrl('lmhtxdaknong.vn/a.html')).toBeNull();
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(siteHost('http://m.baodaknong.vn/x')).toBe('baodaknong.vn');
    expect(isSameSite('https://amp.baodaknong.vn/a', 'http://www.baodaknong.vn/b')).toBe(true);
    expect(isSameSite('https://baodaknong.vn/a', 'https://baolamdong.vn/a')).toBe(false);
  });

  it('reads publication days as Vietnam sees them', () => {
    expect(toReportDay('2024-01-24T16:05:00+07:00')).toBe('2024-01-24');
    expect(toReportDay('2024-01-24T20:30:00Z')).toBe('2024-01-25');
    expect(toReportDay('2024-01-24 23:30:00+0000')).toBe('2024-01-25');
    expect(toReportDay('2024-01-24')).toBe('2024-01-24');
    expect(toReportDay('Cập nhật lúc 15:30 ngày 20/07/2023')).toBe('2023-07-20');
    expect(toReportDay('2024-13-45')).toBeUndefined();
    expect(toReportDay('hôm qua')).toBeUndefined();
  });

  it('tells what is no article by its address or its content type', () => {
    expect(nonArticleAddress('https://a.vn/uploads/2024/bao-cao.PDF')).toBe('not an article: a PDF document (by its address)');
    expect(nonArticleAddress('https://a.vn/tag/hop-tac-xa')).toBe('not an article: a tag page (by its address)');
    expect(nonArticleAddress('https://a.vn/tim-kiem.html?q=htx')).toBe('not an article: a search page (by its address)');
    expect(nonArticleAddress('https://a.vn/?s=hop+tac+xa')).toBe('not an article: a search page (by its address)');
    expect(nonArticleAddress('https://a.vn/tin-tuc/tag-ca-phe-1187.html')).toBeNull();
    expect(contentKind('text/html; charset=utf-8', Buffer.from('<!doctype html><p>x</p>'))).toEqual({ kind: 'html' });
    expect(contentKind('text/html', Buffer.from('<?xml version="1.0"?><rss version="2.0"></rss>'))).toEqual({ kind: 'xml' });
    expect(contentKind('application/pdf', Buffer.from('%PDF'))).toEqual({ kind: 'not-article', what: 'a PDF document' });
    expect(contentKind('image/jpeg', Buffer.from([0xff, 0xd8]))).toEqual({ kind: 'not-article', what: 'an image' });
    expect(contentKind('application/json', Buffer.from('{}'))).toEqual({ kind: 'other' });
  });
});

describe('the commands', { timeout: 90_000 }, () => {
  const run = (cli: string, args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/hoptac.js'), cli, ...args], { cwd: ROOT, encoding: 'utf8' });

  it('stop with exit code 2 and the reason on a bad web option, before touching the database or the web', () => {
    for (const cli of ['extract', 'ingest']) {
      const since = run(cli, ['--since', '2024-02-30', 'http://127.0.0.1:9/a.html']);
      expect({ status: since.status, stderr: since.stderr }).toEqual({ status: 2, stderr: expect.stringContaining("option '--since <date>' argument '2024-02-30' is invalid. expected a day as YYYY-MM-DD") });
      const match = run(cli, ['--match', '(', 'http://127.0.0.1:9/a.html']);
      expect(match.status).toBe(2);
      expect(match.stderr).toContain('not a regular expression');
      const nothing = run(cli, ['--delay', '2']);
      expect({ status: nothing.status, stderr: nothing.stderr }).toEqual({ status: 2, stderr: `${cli}: give files, folders, web addresses or - for stdin to read (or --urls, --sitemap)\n` });
    }
  });
});
