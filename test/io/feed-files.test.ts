import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReports } from '../../src/io/read-reports.ts';
import { readSitemap } from '../../src/io/feeds/read-sitemap.ts';

const WEB = join(import.meta.dirname, '../fixtures/web');
const ROOT = join(import.meta.dirname, '../..');

/** A folder of feeds under every feed extension, a sitemap and an XML file that is neither. */
function feedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoptac-feeds-'));
  copyFileSync(join(WEB, 'daknong.rss'), join(dir, 'a-daknong.rss'));
  copyFileSync(join(WEB, 'laocai-kinh-te.atom'), join(dir, 'b-laocai.atom'));
  copyFileSync(join(WEB, 'laocai-kinh-te.atom'), join(dir, 'c-laocai-feed.xml'));
  writeFileSync(join(dir, 'd-sitemap.xml'), '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://lmhtxdaknong.vn/a.html</loc></url></urlset>');
  writeFileSync(join(dir, 'e-config.xml'), '<?xml version="1.0"?><configuration><item>Liên minh Hợp tác xã tỉnh Đắk Nông</item></configuration>');
  return dir;
}

describe('feed files', () => {
  it('are read as feeds, item by item, never as report text', async () => {
    const dir = feedFolder();
    const results = [];
    for await (const r of readReports([dir])) {
      results.push(r.ok ? { file: r.input.file, url: r.input.url, title: r.input.title, publishedAt: r.input.publishedAt, xml: r.input.text.includes('<') } : { file: r.file.slice(dir.length + 1), reason: r.reason, skipped: r.skipped ?? false });
    }
    expect(results).toEqual([
      { file: 'a-daknong.rss#1', url: 'https://lmhtxdaknong.vn/tin-tuc/htx-dich-vu-nong-nghiep-dak-mil-don-nhan-ocop-1190.html', title: 'Hợp tác xã Dịch vụ nông nghiệp Đắk Mil đón nhận chứng nhận OCOP 4 sao', publishedAt: '2024-01-26', xml: false },
      { file: 'a-daknong.rss#2', url: 'https://lmhtxdaknong.vn/tin-tuc/lien-minh-htx-tinh-dak-nong-tong-ket-cong-tac-nam-2023-1187.html', title: 'Liên minh HTX tỉnh Đắk Nông tổng kết công tác năm 2023', publishedAt: '2024-01-24', xml: false },
      { file: 'a-daknong.rss#3', reason: 'the feed item has no text (fetch its page instead)', skipped: true },
      { file: 'b-laocai.atom#1', url: 'https://baolaocai.vn/lao-cai-ky-ket-chuong-trinh-phoi-hop-ho-tro-phat-trien-kinh-te-tap-the-post382716.html', title: 'Lào Cai: Ký kết chương trình phối hợp hỗ trợ phát triển kinh tế tập thể', publishedAt: '2024-03-12', xml: false },
      { file: 'b-laocai.atom#2', url: 'https://baolaocai.vn/lien-minh-htx-tap-huan-chuyen-doi-so-post382650.html', title: 'Liên minh Hợp tác xã tỉnh Lào Cai tập huấn chuyển đổi số cho hợp tác xã', publishedAt: '2024-03-09', xml: false },
      { file: 'c-laocai-feed.xml#1', url: 'https://baolaocai.vn/lao-cai-ky-ket-chuong-trinh-phoi-hop-ho-tro-phat-trien-kinh-te-tap-the-post382716.html', title: 'Lào Cai: Ký kết chương trình phối hợp hỗ trợ phát triển kinh tế tập thể', publishedAt: '2024-03-12', xml: false },
      { file: 'c-laocai-feed.xml#2', url: 'https://baolaocai.vn/lien-minh-htx-tap-huan-chuyen-doi-so-post382650.html', title: 'Liên minh Hợp tác xã tỉnh Lào Cai tập huấn chuyển đổi số cho hợp tác xã', publishedAt: '2024-03-09', xml: false },
      { file: 'd-sitemap.xml', reason: 'a sitemap, not a feed: give its address with --sitemap', skipped: false },
      { file: 'e-config.xml', reason: 'not an RSS or Atom feed (root element <configuration>)', skipped: false },
    ]);
  });

  it("give records through the extract command, with each item's title, author and province", { timeout: 90_000 }, () => {
    const dir = feedFolder();
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/hoptac.js'), 'extract', '--no-progress', join(dir, 'a-daknong.rss'), join(dir, 'b-laocai.atom')], { cwd: ROOT, encoding: 'utf8' });
    const records = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { document: { file: string; title: string; author?: string }; province: string | null });
    expect(records.map((r) => [r.document.file, r.document.title, r.document.author ?? null, r.province])).toEqual([
      ['a-daknong.rss#1', 'Hợp tác xã Dịch vụ nông nghiệp Đắk Mil đón nhận chứng nhận OCOP 4 sao', null, 'Đắk Nông'],
      ['a-daknong.rss#2', 'Liên minh HTX tỉnh Đắk Nông tổng kết công tác năm 2023', 'Hoàng Minh Thư', 'Đắk Nông'],
      ['b-laocai.atom#1', 'Lào Cai: Ký kết chương trình phối hợp hỗ trợ phát triển kinh tế tập thể', 'Thanh Bình', 'Lào Cai'],
      ['b-laocai.atom#2', 'Liên minh Hợp tác xã tỉnh Lào Cai tập huấn chuyển đổi số cho hợp tác xã', 'Minh Châu', 'Lào Cai'],
    ]);
    const lines = result.stderr.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.level !== 'warning');
    expect(lines).toEqual([
      { level: 'skipped', file: join(dir, 'a-daknong.rss#3'), reason: 'the feed item has no text (fetch its page instead)' },
      { level: 'summary', files: 2, reports: 4, skipped: 1, failed: 0 },
    ]);
    expect(result.status).toBe(0);
  });
});

describe('sitemaps', () => {
  it('read a sitemap index and a sitemap with the day of each lastmod', () => {
    const index = readSitemap('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc> http://a.vn/sitemap-2024.xml </loc><lastmod>2024-02-01T00:30:00+07:00</lastmod></sitemap><sitemap><loc>http://a.vn/sitemap-2023.xml.gz</loc></sitemap></sitemapindex>');
    expect(index).toEqual({ ok: true, sitemap: { kind: 'index', entries: [{ loc: 'http://a.vn/sitemap-2024.xml', lastmod: '2024-02-01' }, { loc: 'http://a.vn/sitemap-2023.xml.gz' }] } });
    const single = readSitemap('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>http://a.vn/1.html</loc><lastmod>2024-01-24</lastmod><news:news><news:title>x</news:title></news:news></url></urlset>');
    expect(single).toEqual({ ok: true, sitemap: { kind: 'urlset', entries: [{ loc: 'http://a.vn/1.html', lastmod: '2024-01-24' }] } });
    expect(readSitemap('<urlset></urlset>')).toEqual({ ok: true, sitemap: { kind: 'urlset', entries: [] } });
    expect(readSitemap('<rss><channel/></rss>')).toEqual({ ok: false, reason: 'not a sitemap (no <urlset> or <sitemapindex> root)' });
  });
});
