import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoliteFetcher, retryAfterMs } from '../../src/io/fetch/polite-fetcher.ts';
import type { FetchSettings } from '../../src/io/fetch/polite-fetcher.ts';
import { routeEveryHost, startTestSite } from './support/test-site.ts';
import type { TestSite } from './support/test-site.ts';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
  site.route('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nDisallow: /noi-bo/\n\nUser-agent: hoptac\nDisallow: /noi-bo/\nDisallow: /khong-cho-hoptac/\n' }, 'lmhtxdaknong.vn');
  site.route('/robots.txt', { status: 503, body: 'bảo trì' }, 'baotri.vn');
  site.route('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nCrawl-delay: 0.4\n' }, 'cham.vn');
});
afterAll(async () => site?.close());

const fetcherFor = (settings: Partial<FetchSettings> = {}) => new PoliteFetcher({ delayMs: 0, backoffMs: 50, timeoutMs: 5000, dispatcher: routeEveryHost(site), ...settings });
const PAGE = '<html><body><p>Liên minh Hợp tác xã tỉnh Đắk Nông</p></body></html>';

describe('the polite fetcher', () => {
  it('names hoptac in its User-Agent and keeps to what robots.txt allows it, asking robots.txt once per site', async () => {
    site.route('/tin-tuc/1.html', { body: PAGE }, 'lmhtxdaknong.vn');
    site.route('/noi-bo/bao-cao.html', { body: PAGE }, 'lmhtxdaknong.vn');
    site.route('/khong-cho-hoptac/a.html', { body: PAGE }, 'lmhtxdaknong.vn');
    const fetcher = fetcherFor();
    const [page, internal, notForHoptac] = [
      await fetcher.fetch('http://lmhtxdaknong.vn/tin-tuc/1.html'),
      await fetcher.fetch('http://lmhtxdaknong.vn/noi-bo/bao-cao.html'),
      await fetcher.fetch('http://lmhtxdaknong.vn/khong-cho-hoptac/a.html'),
    ];
    expect(page.ok && page.body.toString()).toBe(PAGE);
    expect(internal).toEqual({ ok: false, url: 'http://lmhtxdaknong.vn/noi-bo/bao-cao.html', reason: 'robots.txt disallows it', skipped: true });
    expect(notForHoptac).toMatchObject({ ok: false, reason: 'robots.txt disallows it', skipped: true });
    expect(site.requests('/noi-bo/bao-cao.html')).toEqual([]);
    expect(site.requests('/khong-cho-hoptac/a.html')).toEqual([]);
    expect(site.requests('/robots.txt', 'lmhtxdaknong.vn')).toHaveLength(1);
    expect(site.requests('/tin-tuc/1.html')[0]?.userAgent).toMatch(/^hoptac\/\d+\.\d+\.\d+ \(.*honours robots\.txt\)$/);
  });

  it('leaves a site alone when its robots.txt cannot be read (5xx)', async () => {
    site.route('/a.html', { body: PAGE }, 'baotri.vn');
    const result = await fetcherFor({ retries: 1 }).fetch('http://baotri.vn/a.html');
    expect(result).toMatchObject({ ok: false, skipped: true, reason: 'robots.txt could not be read (HTTP 503): the site is left alone' });
    expect(site.requests('/a.html', 'baotri.vn')).toEqual([]);
  });

  it('sends one request at a time per host, each at least the delay after the one before, and serves hosts side by side', async () => {
    for (const host of ['a.vn', 'b.vn']) for (let i = 1; i <= 4; i++) site.route(`/bai-${i}.html`, { body: PAGE, delayMs: 30 }, host);
    const fetcher = fetcherFor({ delayMs: 250 });
    const started = site.log.length;
    const results = await Promise.all(['a.vn', 'b.vn'].flatMap((host) => [1, 2, 3, 4].map((i) => fetcher.fetch(`http://${host}/bai-${i}.html`))));
    expect(results.every((r) => r.ok)).toBe(true);
    const pages = site.log.slice(started).filter((l) => l.path.startsWith('/bai-'));
    for (const host of ['a.vn', 'b.vn']) {
      const times = pages.filter((l) => l.host === host).map((l) => l.at);
      expect(times).toHaveLength(4);
      // each request arrives at least the delay plus the previous answer's 30 ms after the one before
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(250);
    }
    // the two hosts' requests interleave: neither waits for the other's turn
    expect(pages.map((l) => l.host).join(' ')).not.toBe('a.vn a.vn a.vn a.vn b.vn b.vn b.vn b.vn');
  });

  it('counts the www., m. and amp. hosts of a site as one site', async () => {
    for (const host of ['d.vn', 'm.d.vn', 'amp.d.vn']) site.route('/bai.html', { body: PAGE }, host);
    const fetcher = fetcherFor({ delayMs: 250 });
    const results = await Promise.all(['d.vn', 'm.d.vn', 'amp.d.vn'].map((host) => fetcher.fetch(`http://${host}/bai.html`)));
    expect(results.every((r) => r.ok)).toBe(true);
    const times = site.log.filter((l) => l.path === '/bai.html' && l.host.endsWith('d.vn')).map((l) => l.at);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(250);
  });

  it("keeps to a site's Crawl-delay when it is longer than the delay", async () => {
    for (let i = 1; i <= 3; i++) site.route(`/c-${i}.html`, { body: PAGE }, 'cham.vn');
    const fetcher = fetcherFor({ delayMs: 10 });
    for (let i = 1; i <= 3; i++) expect((await fetcher.fetch(`http://cham.vn/c-${i}.html`)).ok).toBe(true);
    const times = site.log.filter((l) => l.host === 'cham.vn' && l.path.startsWith('/c-')).map((l) => l.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(400);
  });

  it('retries a 429 after its Retry-After, and 5xx with back-off, then succeeds; gives up after its retries', async () => {
    site.route('/qua-tai.html', (_r, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: 'chậm lại' } : { body: PAGE }), 'retry.vn');
    site.route('/loi-may-chu.html', (_r, n) => (n <= 2 ? { status: 503 } : { body: PAGE }), 'retry.vn');
    site.route('/hong.html', { status: 500 }, 'retry.vn');
    const fetcher = fetcherFor({ retries: 2, backoffMs: 100 });
    expect(await fetcher.fetch('http://retry.vn/qua-tai.html')).toMatchObject({ ok: true, status: 200 });
    const [first, second] = site.requests('/qua-tai.html').map((l) => l.at);
    expect(second! - first!).toBeGreaterThanOrEqual(1000);
    expect(await fetcher.fetch('http://retry.vn/loi-may-chu.html')).toMatchObject({ ok: true });
    expect(site.requests('/loi-may-chu.html').map((l) => l.status)).toEqual([503, 503, 200]);
    expect(await fetcher.fetch('http://retry.vn/hong.html')).toEqual({ ok: false, url: 'http://retry.vn/hong.html', status: 500, reason: 'HTTP 500 Internal Server Error (after 2 retries)' });
    expect(site.requests('/hong.html')).toHaveLength(3);
    expect(fetcher.stats.retries).toBe(5);
  });

  it('gives up on a site that asks to wait longer than it waits', async () => {
    site.route('/cho-mot-gio.html', { status: 429, headers: { 'retry-after': '3600' } }, 'retry.vn');
    expect(await fetcherFor().fetch('http://retry.vn/cho-mot-gio.html')).toMatchObject({ ok: false, status: 429, reason: 'HTTP 429 Too Many Requests, and the site asks to wait 3600 s' });
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
  });

  it('does not wait past its time-out, does not retry a 404, and follows redirects', async () => {
    site.route('/cham.html', { body: PAGE, delayMs: 3000 }, 'slow.vn');
    site.route('/khong-co.html', { status: 404, body: 'Không tìm thấy' }, 'slow.vn');
    site.route('/cu.html', { status: 301, headers: { location: '/moi.html' } }, 'slow.vn');
    site.route('/moi.html', { body: PAGE }, 'slow.vn');
    const fetcher = fetcherFor({ timeoutMs: 300, retries: 1 });
    expect(await fetcher.fetch('http://slow.vn/cham.html')).toEqual({ ok: false, url: 'http://slow.vn/cham.html', reason: 'no complete answer within 0.3 s (after 1 retry)' });
    expect(site.requests('/cham.html')).toHaveLength(2);
    expect(await fetcher.fetch('http://slow.vn/khong-co.html')).toEqual({ ok: false, url: 'http://slow.vn/khong-co.html', status: 404, reason: 'HTTP 404 Not Found' });
    expect(site.requests('/khong-co.html')).toHaveLength(1);
    expect(await fetcher.fetch('http://slow.vn/cu.html')).toMatchObject({ ok: true, url: 'http://slow.vn/moi.html' });
  });

  it('refuses a body past its byte limit, declared or not', async () => {
    const big = `<html><body>${'<p>Hợp tác xã</p>'.repeat(70_000)}</body></html>`;
    site.route('/lon.html', { body: big }, 'big.vn');
    site.route('/lon-khong-khai.html', (_r) => ({ body: big, headers: { 'transfer-encoding': 'chunked' } }), 'big.vn');
    const fetcher = fetcherFor({ maxBytes: 1024 * 1024 });
    expect(await fetcher.fetch('http://big.vn/lon.html')).toMatchObject({ ok: false, reason: 'larger than the limit of 1.0 MB' });
    expect(await fetcher.fetch('http://big.vn/lon-khong-khai.html')).toMatchObject({ ok: false, reason: 'larger than the limit of 1.0 MB' });
  });

  it('asks only whether a cached page changed, and takes the cached body on a 304', async () => {
    let body = PAGE;
    site.route('/thay-doi.html', () => ({ body }), 'cache.vn');
    const cacheDir = mkdtempSync(join(tmpdir(), 'hoptac-fetch-cache-'));
    expect(await fetcherFor({ cacheDir }).fetch('http://cache.vn/thay-doi.html')).toMatchObject({ ok: true, fromCache: false });
    const again = fetcherFor({ cacheDir });
    expect(await again.fetch('http://cache.vn/thay-doi.html')).toMatchObject({ ok: true, fromCache: true, body: Buffer.from(PAGE) });
    body = PAGE.replace('Đắk Nông', 'Lâm Đồng');
    expect(await again.fetch('http://cache.vn/thay-doi.html')).toMatchObject({ ok: true, fromCache: false, body: Buffer.from(body) });
    const requests = site.requests('/thay-doi.html');
    expect(requests.map((r) => [r.status, Boolean(r.ifNoneMatch)])).toEqual([[200, false], [304, true], [200, true]]);
    expect(again.stats).toMatchObject({ requests: 3, notModified: 1 });
  });
});
