import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoliteFetcher } from '../../src/io/fetch/polite-fetcher.ts';
import type { ReadResult } from '../../src/io/read-reports.ts';
import { readWebReports } from '../../src/io/web/read-web-reports.ts';
import type { WebEvent, WebReadOptions, WebSources } from '../../src/io/web/read-web-reports.ts';
import { articlePage } from './support/article-page.ts';
import { encodeWindows1258 } from './support/legacy-charset.ts';
import { routeEveryHost, startTestSite } from './support/test-site.ts';
import type { TestSite } from './support/test-site.ts';

const WEB = join(import.meta.dirname, '../fixtures/web');
const fixture = (name: string): string => readFileSync(join(WEB, name), 'utf8');
const SITE = 'http://lmhtxdaknong.vn';
const ARTICLE = '/tin-tuc/lien-minh-htx-tinh-dak-nong-tong-ket-cong-tac-nam-2023-1187.html';
const CANONICAL = `https://lmhtxdaknong.vn${ARTICLE}`;

const sitemap = (entries: [string, string?][]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.map(([loc, lastmod]) => `<url><loc>${loc}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`).join('')}</urlset>`;

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
  const host = 'lmhtxdaknong.vn';
  site.route('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nDisallow: /noi-bo/\nSitemap: http://lmhtxdaknong.vn/sitemap.xml\n' }, host);
  site.route(ARTICLE, { body: fixture('daknong-tong-ket-2023.html') }, host);
  site.route(ARTICLE, { body: fixture('daknong-tong-ket-2023.mobile.html') }, `m.${host}`);
  site.route(`/amp${ARTICLE}`, { body: fixture('daknong-tong-ket-2023.amp.html') }, host);
  site.route('/index.php?option=news&id=1187', { body: fixture('daknong-tong-ket-2023.html') }, host);
  site.route('/tin-tuc/htx-dich-vu-nong-nghiep-dak-mil-don-nhan-ocop-1190.html', {
    body: articlePage({
      title: 'Hợp tác xã Dịch vụ nông nghiệp Đắk Mil đón nhận chứng nhận OCOP 4 sao',
      publishedAt: '2024-01-26',
      author: 'Y Hiếu Niê',
      paragraphs: [
        'Ngày 25/1, Hợp tác xã Dịch vụ nông nghiệp Đắk Mil tổ chức lễ đón nhận chứng nhận sản phẩm OCOP 4 sao cho sản phẩm cà phê rang xay.',
        'Ông Trần Đình Khoa, Phó Chủ tịch Liên minh Hợp tác xã tỉnh Đắk Nông dự và trao chứng nhận cho hợp tác xã.',
      ],
    }),
  }, host);
  site.route('/tin-tuc/so-ket-mo-hinh-htx-kieu-moi-1160.html', {
    body: articlePage({
      title: 'Sơ kết mô hình hợp tác xã kiểu mới gắn với chuỗi giá trị',
      publishedAt: '2023-12-28',
      paragraphs: [
        'Ngày 27/12, Liên minh Hợp tác xã tỉnh Đắk Nông tổ chức sơ kết mô hình hợp tác xã kiểu mới gắn với chuỗi giá trị tại 12 hợp tác xã ở các huyện Đắk Song, Tuy Đức, Krông Nô.',
        'Các hợp tác xã tham gia mô hình có doanh thu tăng bình quân 18% so với năm trước.',
      ],
    }),
  }, host);
  site.route('/thong-bao/lich-tiep-cong-dan-thang-2-2024-1185.html', { body: articlePage({ title: 'Thông báo lịch tiếp công dân tháng 2/2024', paragraphs: ['Xem tệp đính kèm.'] }) }, host);
  site.route('/tin-tuc', { body: fixture('daknong-tin-tuc.listing.html') }, host);
  site.route('/noi-bo/bao-cao-2023.html', { body: fixture('daknong-tong-ket-2023.html') }, host);
  site.route('/files/bao-cao', { type: 'application/pdf', body: '%PDF-1.4' }, host);
  site.route('/api/tin-moi', { type: 'application/json', body: '{"items":[]}' }, host);
  site.route('/rss/tin-tuc.rss', { type: 'application/rss+xml; charset=utf-8', body: fixture('daknong.rss') }, host);
  site.route('/sitemap.xml', {
    type: 'application/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${SITE}/sitemap-2024.xml</loc><lastmod>2024-02-01</lastmod></sitemap><sitemap><loc>${SITE}/sitemap-2023.xml.gz</loc><lastmod>2023-12-31</lastmod></sitemap></sitemapindex>`,
  }, host);
  site.route('/sitemap-2024.xml', {
    type: 'text/xml',
    body: sitemap([
      [`${SITE}${ARTICLE}`, '2024-01-25T08:00:00+07:00'],
      [`${SITE}/tin-tuc/htx-dich-vu-nong-nghiep-dak-mil-don-nhan-ocop-1190.html`, '2024-01-26'],
      [`http://m.lmhtxdaknong.vn${ARTICLE}?utm_source=zalo`, '2024-01-25'],
      [`${SITE}/index.php?option=news&amp;id=1187`, '2024-01-25'],
      [`${SITE}/noi-bo/bao-cao-2023.html`, '2024-01-20'],
      [`${SITE}/uploads/bao-cao-tong-ket-2023.pdf`, '2024-01-24'],
      [`${SITE}/tag/hop-tac-xa`, '2024-01-26'],
      [`${SITE}/tin-tuc`, '2024-01-26'],
    ]),
  }, host);
  site.route('/sitemap-2023.xml.gz', { type: 'application/gzip', body: gzipSync(sitemap([[`${SITE}/tin-tuc/so-ket-mo-hinh-htx-kieu-moi-1160.html`, '2023-12-28']])) }, host);
  site.route('/lao-cai-ky-ket.html', {
    type: 'text/html; charset=windows-1258',
    body: encodeWindows1258(fixture('laocai-ky-ket-phoi-hop.html').replace(/<meta http-equiv="Content-Type"[^>]*>/, '')),
  }, 'baolaocai.vn');
});
afterAll(async () => site?.close());

type Row = { file: string; report?: { url?: string; title?: string; publishedAt?: string }; reason?: string; skipped?: boolean };

async function read(sources: Partial<WebSources>, opts: WebReadOptions = {}): Promise<{ rows: Row[]; events: WebEvent[] }> {
  const fetcher = new PoliteFetcher({ delayMs: 0, retries: 0, dispatcher: routeEveryHost(site) });
  const events: WebEvent[] = [];
  const rows: Row[] = [];
  const results: AsyncIterable<ReadResult> = readWebReports(fetcher, { addresses: [], lists: [], sitemaps: [], ...sources }, { ...opts, onEvent: (e) => events.push(e) });
  for await (const r of results) {
    rows.push(r.ok ? { file: r.input.file, report: { url: r.input.url, title: r.input.title, publishedAt: r.input.publishedAt } } : { file: r.file, reason: r.reason, skipped: r.skipped ?? false });
  }
  return { rows: rows.sort((a, b) => a.file.localeCompare(b.file)), events };
}

const OCOP = { url: 'https://lmhtxdaknong.vn/tin-tuc/htx-dich-vu-nong-nghiep-dak-mil-don-nhan-ocop-1190.html', title: 'Hợp tác xã Dịch vụ nông nghiệp Đắk Mil đón nhận chứng nhận OCOP 4 sao', publishedAt: '2024-01-26' };
const TONG_KET = { url: CANONICAL, title: 'Liên minh HTX tỉnh Đắk Nông tổng kết công tác năm 2023', publishedAt: '2024-01-24' };
const SO_KET = { url: 'https://lmhtxdaknong.vn/tin-tuc/so-ket-mo-hinh-htx-kieu-moi-1160.html', title: 'Sơ kết mô hình hợp tác xã kiểu mới gắn với chuỗi giá trị', publishedAt: '2023-12-28' };

describe('reading the web', () => {
  it('reads a sitemap index: each article once, what is not one skipped with why, robots.txt obeyed', async () => {
    const before = site.log.length;
    const { rows } = await read({ sitemaps: [`${SITE}/sitemap.xml`] });
    expect(rows).toEqual([
      { file: `${SITE}/index.php?option=news&id=1187`, reason: `the same article as ${SITE}${ARTICLE} (${CANONICAL})`, skipped: true },
      { file: `${SITE}/noi-bo/bao-cao-2023.html`, reason: 'robots.txt disallows it', skipped: true },
      { file: `${SITE}/tag/hop-tac-xa`, reason: 'not an article: a tag page (by its address)', skipped: true },
      { file: `${SITE}/tin-tuc`, reason: 'not an article: a listing page (8 article links)', skipped: true },
      { file: `${SITE}/tin-tuc/htx-dich-vu-nong-nghiep-dak-mil-don-nhan-ocop-1190.html`, report: OCOP },
      { file: `${SITE}${ARTICLE}`, report: TONG_KET },
      { file: `${SITE}/tin-tuc/so-ket-mo-hinh-htx-kieu-moi-1160.html`, report: SO_KET },
      { file: `${SITE}/uploads/bao-cao-tong-ket-2023.pdf`, reason: 'not an article: a PDF document (by its address)', skipped: true },
      { file: `http://m.lmhtxdaknong.vn${ARTICLE}?utm_source=zalo`, reason: `the same address as ${SITE}${ARTICLE}`, skipped: true },
    ]);
    const asked = site.log.slice(before).map((l) => `${l.host}${l.path}`);
    expect(asked).not.toContain('lmhtxdaknong.vn/noi-bo/bao-cao-2023.html');
    expect(asked).not.toContain('lmhtxdaknong.vn/uploads/bao-cao-tong-ket-2023.pdf');
    expect(asked.filter((a) => a.endsWith(ARTICLE))).toEqual([`lmhtxdaknong.vn${ARTICLE}`]);
  });

  it('keeps to --since (not even fetching an older sitemap) and --match', async () => {
    const before = site.log.length;
    const { rows } = await read({ sitemaps: [`${SITE}/sitemap.xml`] }, { since: '2024-01-25', match: /\/tin-tuc\// });
    expect(rows).toEqual([
      { file: `${SITE}/tin-tuc/htx-dich-vu-nong-nghiep-dak-mil-don-nhan-ocop-1190.html`, report: OCOP },
      { file: `${SITE}${ARTICLE}`, reason: 'published 2024-01-24, before --since 2024-01-25', skipped: true },
      { file: `http://m.lmhtxdaknong.vn${ARTICLE}?utm_source=zalo`, reason: `the same address as ${SITE}${ARTICLE}`, skipped: true },
    ]);
    expect(site.log.slice(before).map((l) => l.path)).not.toContain('/sitemap-2023.xml.gz');
  });

  it("reads a feed's items as pages, or from the feed's own text", async () => {
    const pages = await read({ addresses: [`${SITE}/rss/tin-tuc.rss`] });
    expect(pages.rows).toEqual([
      { file: `${SITE}/thong-bao/lich-tiep-cong-dan-thang-2-2024-1185.html`, reason: 'not an article: too little text (18 characters)', skipped: true },
      { file: `${SITE}/tin-tuc/htx-dich-vu-nong-nghiep-dak-mil-don-nhan-ocop-1190.html?utm_source=rss`, report: OCOP },
      { file: `${SITE}${ARTICLE}`, report: TONG_KET },
    ]);
    const own = await read({ addresses: [`${SITE}/rss/tin-tuc.rss`] }, { fetchItems: false });
    expect(own.rows).toEqual([
      { file: `${SITE}/rss/tin-tuc.rss#1`, report: OCOP },
      { file: `${SITE}/rss/tin-tuc.rss#2`, report: TONG_KET },
      { file: `${SITE}/rss/tin-tuc.rss#3`, reason: 'the feed item has no text (fetch its page instead)', skipped: true },
    ]);
  });

  it('reads pages by address and from a list; names what is not HTML; decodes a legacy charset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-urls-'));
    writeFileSync(join(dir, 'urls.txt'), `# trang cần đọc\n${SITE}/files/bao-cao\n\n${SITE}/api/tin-moi\nhttp://baolaocai.vn/lao-cai-ky-ket.html\n`);
    writeFileSync(join(dir, 'bad.txt'), `${SITE}/a.html\nlmhtxdaknong.vn/b.html\n`);
    const { rows } = await read({ addresses: [`http://m.lmhtxdaknong.vn${ARTICLE}`, `${SITE}/khong-co.html`], lists: [join(dir, 'urls.txt'), join(dir, 'bad.txt')] });
    expect(rows).toEqual([
      { file: join(dir, 'bad.txt'), reason: 'line "lmhtxdaknong.vn/b.html" is not an http(s) address', skipped: false },
      { file: 'http://baolaocai.vn/lao-cai-ky-ket.html', report: { url: 'https://baolaocai.vn/lao-cai-ky-ket-chuong-trinh-phoi-hop-ho-tro-phat-trien-kinh-te-tap-the-post382716.html', title: 'Lào Cai: Ký kết chương trình phối hợp hỗ trợ phát triển kinh tế tập thể', publishedAt: '2024-03-12' } },
      { file: `${SITE}/api/tin-moi`, reason: 'not an HTML page: content type application/json', skipped: false },
      { file: `${SITE}/files/bao-cao`, reason: 'not an article: a PDF document (application/pdf)', skipped: true },
      { file: `${SITE}/khong-co.html`, reason: 'HTTP 404 Not Found', skipped: false },
      { file: `http://m.lmhtxdaknong.vn${ARTICLE}`, report: TONG_KET },
    ]);
  });

  it('passes over, without a request, the addresses an interrupted run finished', async () => {
    const before = site.log.length;
    const done = new Set([`${SITE}${ARTICLE}`, `${SITE}/tin-tuc/so-ket-mo-hinh-htx-kieu-moi-1160.html`]);
    const { rows, events } = await read({ sitemaps: [`${SITE}/sitemap.xml`] }, { isDone: (a) => done.has(a) });
    // the portal address of the finished article is read again: its report key is the article's, so it loads as unchanged
    expect(rows.filter((r) => r.report).map((r) => r.file)).toEqual([`${SITE}/index.php?option=news&id=1187`, `${SITE}/tin-tuc/htx-dich-vu-nong-nghiep-dak-mil-don-nhan-ocop-1190.html`]);
    expect(events.filter((e) => e.kind === 'resumed').map((e) => e.address).sort()).toEqual([...done].sort());
    const asked = site.log.slice(before).map((l) => l.path);
    expect(asked).not.toContain(ARTICLE);
    expect(asked).not.toContain('/tin-tuc/so-ket-mo-hinh-htx-kieu-moi-1160.html');
  });
});
