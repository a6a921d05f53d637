import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/extract.ts';
import type { ExtractionRecord } from '../../src/extract/record/schema.ts';
import { decodeText } from '../../src/io/decode-text.ts';
import { htmlLines } from '../../src/io/html/html-text.ts';
import { parseHtml } from '../../src/io/html/parse-html.ts';
import { readHtmlPage } from '../../src/io/html/read-html-page.ts';
import { readReports } from '../../src/io/read-reports.ts';
import type { ReadResult } from '../../src/io/read-reports.ts';
import { encodeWindows1258 } from './support/legacy-charset.ts';

const WEB = join(import.meta.dirname, '../fixtures/web');
const page = (name: string): string => readFileSync(join(WEB, name), 'utf8');

async function readAll(paths: string[]): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const result of readReports(paths)) results.push(result);
  return results;
}

async function recordsOf(paths: string[]): Promise<ExtractionRecord[]> {
  return (await readAll(paths)).map((r) => {
    if (!r.ok) throw new Error(`${r.file}: ${r.reason}`);
    return extractReport(r.input);
  });
}

/** What the furniture of each fixture page says: menus, related news, comments, footers. */
const NOISE: Record<string, { phrases: string[]; names: RegExp }> = {
  'daknong-tong-ket-2023.html': {
    phrases: ['Trang chủ', 'Tin liên quan', 'Gia Lai', 'Kon Tum', 'Quảng Sơn', 'Bình luận', 'Bình Phước', 'Lâm Đồng', 'Lượt xem', 'Địa chỉ', 'Bản quyền', 'Đắk Lắk', 'Từ khóa'],
    names: /Gia Lai|Kon Tum|Bình Phước|Lâm Đồng|Đắk Lắk|Quảng Sơn|Việt Nam/,
  },
  'laocai-ky-ket-phoi-hop.html': {
    phrases: ['Thời sự', 'Xem thêm', 'Yên Bái', 'Hà Giang', 'Tin cùng chuyên mục', 'Tuyên Quang', 'Phú Thọ', 'Ý kiến bạn đọc', 'Hà Nội', 'Đọc nhiều', 'Lai Châu', 'Tổng Biên tập', 'Tags'],
    names: /Yên Bái|Hà Giang|Tuyên Quang|Phú Thọ|Hà Nội|Lai Châu/,
  },
  'quangtri-cong-thong-tin.html': {
    phrases: ['TRANG CHỦ', 'CHUYÊN MỤC', 'LIÊN KẾT', 'Chính phủ', 'CÁC TIN KHÁC', 'Quảng Bình', 'Thừa Thiên Huế', 'Nghệ An', 'THỐNG KÊ TRUY CẬP', 'In trang', 'Cơ quan chủ quản', 'Cập nhật lúc'],
    names: /Quảng Bình|Thừa Thiên Huế|Huế|Nghệ An|Sở Công Thương/,
  },
};

describe('saved pages', () => {
  it('give the same record as their clean text with URL and date in a .jsonl line', async () => {
    const twins = await recordsOf([join(WEB, 'twins.jsonl')]);
    const pages = await recordsOf(twins.map((t) => join(WEB, t.document.file)));
    expect(twins.map((t) => [t.document.file, Boolean(t.document.publishedAt), t.entities.length > 5])).toEqual([
      ['daknong-tong-ket-2023.html', true, true],
      ['laocai-ky-ket-phoi-hop.html', true, true],
      ['quangtri-cong-thong-tin.html', true, true],
    ]);
    expect(pages).toEqual(twins);
    expect(pages.map((p) => [p.document.url, p.document.publishedAt, p.document.source, p.document.author, p.province])).toEqual([
      ['https://lmhtxdaknong.vn/tin-tuc/lien-minh-htx-tinh-dak-nong-tong-ket-cong-tac-nam-2023-1187.html', '2024-01-24', 'Liên minh Hợp tác xã tỉnh Đắk Nông', 'Hoàng Minh Thư', 'Đắk Nông'],
      ['https://baolaocai.vn/lao-cai-ky-ket-chuong-trinh-phoi-hop-ho-tro-phat-trien-kinh-te-tap-the-post382716.html', '2024-03-12', 'Báo Lào Cai', 'Thanh Bình', 'Lào Cai'],
      ['https://quangtri.gov.vn/Default.aspx?ItemID=10452&tabid=83', '2023-07-20', 'Cổng Thông tin điện tử tỉnh Quảng Trị', 'Nguyễn Hữu Phước', 'Quảng Trị'],
    ]);
  });

  it('keep menus, related news, comments and footers out of the record', async () => {
    for (const [file, noise] of Object.entries(NOISE)) {
      const [record] = await recordsOf([join(WEB, file)]);
      // the whole page's text does hold every phrase and name: the test would see them leak
      const whole = htmlLines(parseHtml(page(file)).body).join('\n');
      for (const phrase of noise.phrases) expect(whole, `${file} holds "${phrase}"`).toContain(phrase);
      const wholeRecord = extractReport({ text: whole, file });
      expect(wholeRecord.entities.some((e) => noise.names.test(e.name)), `${file}: its furniture names actors`).toBe(true);

      for (const phrase of noise.phrases) expect(record?.document.text, `${file} leaks "${phrase}"`).not.toContain(phrase);
      expect(record?.entities.filter((e) => noise.names.test(e.name)).map((e) => e.name)).toEqual([]);
      expect(record?.statistics.every((s) => s.province === record.province)).toBe(true);
    }
  });

  it('read a mobile twin and an AMP twin to the same text and canonical address as the desktop page', () => {
    const read = (name: string, url?: string) => {
      const result = readHtmlPage(page(name), { file: name, ...(url ? { url } : {}) });
      if (!result.ok) throw new Error(result.reason);
      return { text: result.input.text, url: result.input.url, publishedAt: result.input.publishedAt };
    };
    const desktop = read('daknong-tong-ket-2023.html');
    const path = '/tin-tuc/lien-minh-htx-tinh-dak-nong-tong-ket-cong-tac-nam-2023-1187.html';
    expect(read('daknong-tong-ket-2023.mobile.html', `http://m.lmhtxdaknong.vn${path}?utm_source=facebook&fbclid=abc`)).toEqual(desktop);
    expect(read('daknong-tong-ket-2023.amp.html', `http://lmhtxdaknong.vn/amp${path}`)).toEqual(desktop);
  });

  it('do not take a canonical link to another site', () => {
    const result = readHtmlPage(page('daknong-tong-ket-2023.html'), { file: 'x', url: 'http://127.0.0.1:8080/bai-viet/1187?utm_medium=share' });
    expect(result.ok && result.input.url).toBe('https://127.0.0.1:8080/bai-viet/1187');
  });

  it('read a page saved in windows-1258, declared in its <meta> or in the HTTP header, as the UTF-8 page', () => {
    const utf8 = readHtmlPage(page('laocai-ky-ket-phoi-hop.html'), { file: 'p.html' });
    const legacyMeta = encodeWindows1258(page('laocai-ky-ket-phoi-hop.html').replace('charset=utf-8', 'charset=windows-1258'));
    expect(legacyMeta.includes(Buffer.from('Lào Cai'))).toBe(false);
    const byMeta = decodeText(legacyMeta, 'html');
    expect(byMeta.charset).toBe('windows-1258');
    expect(readHtmlPage(byMeta.text, { file: 'p.html' })).toEqual(utf8);

    const legacyBare = encodeWindows1258(page('laocai-ky-ket-phoi-hop.html').replace(/<meta http-equiv="Content-Type"[^>]*>/, ''));
    expect(readHtmlPage(decodeText(legacyBare, 'html', 'text/html; charset=windows-1258').text, { file: 'p.html' })).toEqual(utf8);
    // no declaration at all: not UTF-8, so the Vietnamese code page
    expect(readHtmlPage(decodeText(legacyBare, 'html').text, { file: 'p.html' })).toEqual(utf8);
  });

  it("skip a listing page, report a saved page that is not an article as skipped, not failed, and pass over a browser's _files folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-pages-'));
    writeFileSync(join(dir, 'a-listing.html'), page('daknong-tin-tuc.listing.html'));
    writeFileSync(join(dir, 'b-empty.htm'), '<html><head><title>Trang chủ</title></head><body><p>Đang cập nhật.</p></body></html>');
    writeFileSync(join(dir, 'c-article.html'), encodeWindows1258(page('laocai-ky-ket-phoi-hop.html').replace('charset=utf-8', 'charset=windows-1258')));
    // what a browser saves beside a page ("Webpage, complete") is not read
    mkdirSync(join(dir, 'c-article_files'));
    writeFileSync(join(dir, 'c-article_files', 'quang-cao.htm'), page('daknong-tin-tuc.listing.html'));
    const results = (await readAll([dir])).map((r) => (r.ok ? { ok: true, file: r.input.file, title: r.input.title } : { ok: false, file: r.file.slice(dir.length + 1), reason: r.reason, skipped: r.skipped }));
    expect(results).toEqual([
      { ok: false, file: 'a-listing.html', reason: 'not an article: a listing page (8 article links)', skipped: true },
      { ok: false, file: 'b-empty.htm', reason: 'not an article: too little text (14 characters)', skipped: true },
      { ok: true, file: 'c-article.html', title: 'Lào Cai: Ký kết chương trình phối hợp hỗ trợ phát triển kinh tế tập thể' },
    ]);
  });
});
