import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isInt } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/graph/database.ts';
import { ensureProvinces } from '../../src/graph/ensure-provinces.ts';
import { applySchema } from '../../src/graph/migrate.ts';
import { openTestDatabase, resetGraph } from '../support/database.ts';
import { collectRun, HOPTAC, spawnScript } from '../support/processes.ts';
import type { FinishedRun } from '../support/processes.ts';
import { articlePage } from './support/article-page.ts';
import { startTestSite } from './support/test-site.ts';
import type { TestSite } from './support/test-site.ts';

/**
 * `npm run ingest` over the web, as a user runs it, against a local site: addresses, a list and a
 * sitemap index; robots.txt, the per-host delay and retries seen from the server's side; a re-run
 * that asks only whether pages changed; a run killed half-way that resumes.
 */

const ROOT = join(import.meta.dirname, '../..');
const HUYEN = ['Cư Jút', 'Đắk Mil', 'Krông Nô', 'Đắk Song', 'Đắk R’lấp', 'Tuy Đức', 'Đắk Glong', 'Gia Nghĩa'];

/** The text of the n-th made-up report: a working visit of the provincial alliance to a district. */
function article(n: number, extra = ''): string {
  const huyen = HUYEN[(n - 1) % HUYEN.length] ?? 'Cư Jút';
  return articlePage({
    title: `Liên minh HTX tỉnh Đắk Nông làm việc với các hợp tác xã huyện ${huyen} (${n})`,
    publishedAt: `2024-03-${String(n + 1).padStart(2, '0')}`,
    author: 'Hoàng Minh Thư',
    paragraphs: [
      `Ngày ${n}/3, Liên minh Hợp tác xã tỉnh Đắk Nông làm việc với Ủy ban nhân dân huyện ${huyen} và các hợp tác xã trên địa bàn về tình hình sản xuất kinh doanh quý I năm 2024.`,
      `Bà Nguyễn Thị Bích Liên, Chủ tịch Liên minh Hợp tác xã tỉnh chủ trì buổi làm việc. Huyện ${huyen} hiện có ${20 + n} hợp tác xã với ${900 + n * 10} thành viên.${extra}`,
    ],
  });
}

let db: Database;
let site: TestSite;
let origin: string;

beforeAll(async () => {
  db = await openTestDatabase();
  await applySchema(db.gateway);
  site = await startTestSite();
  origin = site.origin;
  site.route('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nDisallow: /noi-bo/\n' });
  for (let n = 1; n <= 8; n++) site.route(`/bai/${n}.html`, { body: article(n) });
  site.route('/bai/3.html', (_r, count) => (count === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { body: article(3) }));
  site.route('/bai/5.html', (_r, count) => (count === 1 ? { status: 503 } : { body: article(5) }));
  site.route('/index.php?id=1', { body: article(1).replace('<head>', '<head><link rel="canonical" href="/bai/1.html">') });
  site.route('/noi-bo/bao-cao.html', { body: article(9) });
  site.route('/api/tin-moi', { type: 'application/json', body: '{"tin":[]}' });
  site.route('/sitemap.xml', { type: 'application/xml', body: `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/sitemap-bai.xml</loc></sitemap></sitemapindex>` });
  site.route('/sitemap-bai.xml', {
    type: 'application/xml',
    body: `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${['/bai/4.html', '/bai/5.html', '/bai/6.html', '/bai/7.html', '/bai/8.html', '/index.php?id=1', '/noi-bo/bao-cao.html', '/tai-lieu/bao-cao.pdf'].map((p) => `<url><loc>${origin}${p.replace('&', '&amp;')}</loc></url>`).join('')}</urlset>`,
  });
});
afterAll(async () => {
  await site?.close();
  await db?.close();
});
beforeEach(async () => {
  await resetGraph(db.gateway);
  await ensureProvinces(db.gateway);
});

function ingest(args: string[], onStart?: (pid: number) => void): Promise<FinishedRun> {
  const child = spawnScript(HOPTAC, ['ingest', ...args], { ...process.env, NEO4J_URI: inject('neo4jUri') });
  if (child.pid) onStart?.(child.pid);
  return collectRun(child);
}

async function reports(): Promise<{ key: string; text: string; loadedAt: string }[]> {
  const result = await db.gateway.read((tx) => tx.run('MATCH (r:Report) RETURN r.key AS key, r.text AS text, toString(r.loadedAt) AS loadedAt ORDER BY key'));
  return result.records.map((r) => ({ key: r.get('key') as string, text: r.get('text') as string, loadedAt: r.get('loadedAt') as string }));
}

async function count(query: string): Promise<number> {
  const value = (await db.gateway.read((tx) => tx.run(query))).records[0]?.get(0) as unknown;
  return isInt(value) ? value.toNumber() : Number(value);
}

const pageKeys = (): string[] => [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `report:https://${new URL(origin).host}/bai/${n}.html`).sort();

describe('ingest from the web', () => {
  it('loads an address, a list and a sitemap politely; re-runs ask only whether pages changed; a changed page replaces its report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-ingest-web-'));
    const cache = join(dir, 'cache');
    writeFileSync(join(dir, 'urls.txt'), [`${origin}/bai/2.html`, `${origin}/bai/3.html`, `${origin}/bai/1.html?utm_source=zalo`, `${origin}/api/tin-moi`].join('\n'));
    const args = [`${origin}/bai/1.html`, '--urls', join(dir, 'urls.txt'), '--sitemap', `${origin}/sitemap.xml`, '--delay', '0.2', '--retries', '2', '--cache', cache];
    const before = site.log.length;

    const first = await ingest(args);
    expect(first.stdout).toMatch(/^ {2}loaded {5}8$/m);
    expect(first.stdout).toMatch(/^ {2}skipped {4}4$/m);
    expect(first.stdout).toContain(`  failed     1\n    ${origin}/api/tin-moi: not an HTML page: content type application/json`);
    expect(first.exit).toBe(1);
    for (const line of [
      `skipped ${origin}/bai/1.html?utm_source=zalo: the same address as ${origin}/bai/1.html`,
      `skipped ${origin}/index.php?id=1: the same article as ${origin}/bai/1.html (https://${new URL(origin).host}/bai/1.html)`,
      `skipped ${origin}/noi-bo/bao-cao.html: robots.txt disallows it`,
      `skipped ${origin}/tai-lieu/bao-cao.pdf: not an article: a PDF document (by its address)`,
    ]) expect(first.stderr).toContain(line);
    expect((await reports()).map((r) => r.key)).toEqual(pageKeys());
    expect(await count(`MATCH (r:Report) WHERE r.key CONTAINS '/api/' OR r.key CONTAINS 'index.php' RETURN count(r)`)).toBe(0);

    const served = site.log.slice(before);
    expect(served.map((l) => l.path)).not.toContain('/noi-bo/bao-cao.html');
    expect(served.map((l) => l.path)).not.toContain('/tai-lieu/bao-cao.pdf');
    // one request at a time, each at least the delay after the one before (all go to one host)
    for (let i = 1; i < served.length; i++) expect(served[i]!.at - served[i - 1]!.at, `${served[i - 1]!.path} → ${served[i]!.path}`).toBeGreaterThanOrEqual(200);
    const tooMany = served.filter((l) => l.path === '/bai/3.html');
    expect(tooMany.map((l) => l.status)).toEqual([429, 200]);
    expect(tooMany[1]!.at - tooMany[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(served.filter((l) => l.path === '/bai/5.html').map((l) => l.status)).toEqual([503, 200]);
    expect(served.every((l) => l.userAgent?.startsWith('hoptac/'))).toBe(true);

    const again = site.log.length;
    const second = await ingest(args);
    expect(second.stdout).toMatch(/^ {2}unchanged {2}8$/m);
    expect(second.stdout).toMatch(/^ {2}fetched {4}\d+ \(\d+ unchanged since the last run, \d+ requests\)$/m);
    const pages = site.log.slice(again).filter((l) => l.path.startsWith('/bai/'));
    expect(pages.map((l) => l.status)).toEqual(pages.map(() => 304));
    expect(pages).toHaveLength(8);

    site.route('/bai/2.html', { body: article(2, ' Trong quý I, các hợp tác xã của huyện đã ký 5 hợp đồng tiêu thụ cà phê.') });
    const beforeThird = site.log.length;
    const third = await ingest(args);
    expect(third.stdout).toMatch(/^ {2}replaced {3}1$/m);
    expect(third.stdout).toMatch(/^ {2}unchanged {2}7$/m);
    const thirdPages = site.log.slice(beforeThird).filter((l) => l.path.startsWith('/bai/') && l.status === 200);
    expect(thirdPages.map((l) => l.path)).toEqual(['/bai/2.html']);
    expect((await reports()).find((r) => r.key.endsWith('/bai/2.html'))?.text).toContain('5 hợp đồng tiêu thụ cà phê');
  });

  it('resumes a run killed half-way without asking again for what it had loaded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-ingest-resume-'));
    const args = ['--sitemap', `${origin}/sitemap.xml`, '--delay', '0.4', '--retries', '2', '--cache', join(dir, 'cache')];
    let pid = 0;
    const killed = ingest(args, (p) => (pid = p));
    for (let i = 0; i < 600 && (await count('MATCH (r:Report) RETURN count(r)')) < 3; i++) await new Promise((wake) => setTimeout(wake, 100));
    process.kill(pid, 'SIGKILL');
    const interrupted = await killed;
    expect(interrupted.exit).toBe('SIGKILL');
    const loaded = await reports();
    expect(loaded.length).toBeGreaterThanOrEqual(3);
    expect(loaded.length).toBeLessThan(6);

    const before = site.log.length;
    const resumed = await ingest(args);
    expect(resumed.stderr).toMatch(/resuming: \d+ addresses were finished by the interrupted run/);
    expect(resumed.stdout).toMatch(/^ {2}resumed {4}\d+ addresses finished by the interrupted run, not asked again$/m);
    const asked = site.log.slice(before).map((l) => l.path);
    // what the killed run had loaded is not asked for again (but perhaps the last one, loaded as it was killed)
    const settled = [...loaded].sort((a, b) => a.loadedAt.localeCompare(b.loadedAt)).slice(0, -1).map((r) => new URL(r.key.slice('report:'.length)).pathname);
    for (const path of settled) expect(asked).not.toContain(path);
    expect((await reports()).map((r) => r.key)).toEqual([4, 5, 6, 7, 8].map((n) => `report:https://${new URL(origin).host}/bai/${n}.html`).concat([`report:https://${new URL(origin).host}/bai/1.html`]).sort());
    expect(resumed.exit).toBe(0);
  });
});
