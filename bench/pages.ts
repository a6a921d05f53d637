import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractReport } from '../src/extract/extract.ts';
import type { ReportInput } from '../src/extract/record/schema.ts';
import { generateCorpus } from '../src/generate/corpus.ts';
import { decodeText } from '../src/io/decode-text.ts';
import { PoliteFetcher } from '../src/io/fetch/polite-fetcher.ts';
import { readHtmlPage } from '../src/io/html/read-html-page.ts';
import type { ReadPageOptions } from '../src/io/html/read-html-page.ts';
import { readWebReports } from '../src/io/web/read-web-reports.ts';
import { articlePage } from '../test/io/support/article-page.ts';
import { startTestSite } from '../test/io/support/test-site.ts';

/**
 * Reading web pages, three figures:
 * 1. readability over linkedom (the product's DOM) and over jsdom, with and without the removal
 *    of page furniture: on the fixture pages, whether the text equals the page's clean twin,
 *    word-level precision and recall against it, and pages read per second;
 * 2. the extra cost per report of reading a saved HTML page over reading its text: N generated
 *    reports, each once as text and once wrapped in a provincial news page, both extracted;
 * 3. pages fetched and extracted per second from a local server with the delay off (one request
 *    at a time, as to any one site; fetching overlaps extraction).
 * Usage: npx tsx bench/pages.ts [--reports 1000] [--rounds 50]
 */

const { values } = parseArgs({ options: { reports: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '50' } } });
const reports = Number(values.reports);
const rounds = Number(values.rounds);
const WEB = join(import.meta.dirname, '../test/fixtures/web');

// ---- 1. DOMs and cleaning on the fixture pages
const twins = readFileSync(join(WEB, 'twins.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { file: string; text: string });
const desktop = twins.find((t) => t.file === 'daknong-tong-ket-2023.html')?.text ?? '';
const cases = [...twins.map((t) => ({ file: t.file, text: t.text })), { file: 'daknong-tong-ket-2023.mobile.html', text: desktop }, { file: 'daknong-tong-ket-2023.amp.html', text: desktop }];
const pages = cases.map((c) => ({ ...c, html: readFileSync(join(WEB, c.file), 'utf8') }));
const quiet = new VirtualConsole();
const readers: [string, ReadPageOptions][] = [
  ['linkedom + furniture removal (hoptac)', {}],
  ['jsdom + furniture removal', { parse: (html) => new JSDOM(html, { virtualConsole: quiet }).window.document }],
  ['linkedom, readability alone', { clean: false }],
  ['jsdom, readability alone', { parse: (html) => new JSDOM(html, { virtualConsole: quiet }).window.document, clean: false }],
];

const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
function overlap(got: string, want: string): { precision: number; recall: number } {
  const counts = new Map<string, number>();
  for (const w of words(want)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const gotWords = words(got);
  let common = 0;
  for (const w of gotWords) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      common++;
      counts.set(w, left - 1);
    }
  }
  return { precision: gotWords.length ? common / gotWords.length : 0, recall: common / Math.max(1, words(want).length) };
}

console.log(`1. readability on the ${pages.length} fixture pages (text against the clean twin; speed over ${rounds} rounds)`);
console.log('reader | same text | word precision | word recall | pages/s');
console.log('---|---|---|---|---');
for (const [name, options] of readers) {
  let same = 0;
  let precision = 0;
  let recall = 0;
  for (const page of pages) {
    const result = readHtmlPage(page.html, { file: page.file }, options);
    const text = result.ok ? result.input.text : '';
    if (text === page.text) same++;
    const o = overlap(text, page.text);
    precision += o.precision;
    recall += o.recall;
  }
  for (let i = 0; i < 5; i++) for (const page of pages) readHtmlPage(page.html, { file: page.file }, options);
  const started = performance.now();
  for (let i = 0; i < rounds; i++) for (const page of pages) readHtmlPage(page.html, { file: page.file }, options);
  const rate = (rounds * pages.length) / ((performance.now() - started) / 1000);
  console.log(`${name} | ${same}/${pages.length} | ${(precision / pages.length).toFixed(3)} | ${(recall / pages.length).toFixed(3)} | ${rate.toFixed(0)}`);
}

// ---- 2. HTML over text, per report
const generated = [...generateCorpus({ reports: reports * 2, seed: 26 })].map((g) => g.input);
const SITE_NAME = 'Báo Kinh tế hợp tác';
const asPage = (input: ReportInput): string => {
  const [title, ...paragraphs] = input.text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  return articlePage({ title: input.title ?? title ?? '', paragraphs, siteName: SITE_NAME, ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}) });
};
/** A record without its file name, to compare the records of a page and of its text. */
const comparable = (record: ReturnType<typeof extractReport>): string => JSON.stringify({ ...record, document: { ...record.document, file: '' } });
const warm = generated.slice(reports);
const measured = generated.slice(0, reports);
const htmlPages = measured.map((input) => ({ file: input.file.replace(/\.txt$/, '.html'), bytes: Buffer.from(asPage(input)) }));
const fromHtml = (page: { file: string; bytes: Buffer }): ReportInput => {
  const read = readHtmlPage(decodeText(page.bytes, 'html').text, { file: page.file });
  if (!read.ok) throw new Error(`${page.file}: ${read.reason}`);
  return read.input;
};
for (const input of warm) {
  extractReport(input);
  fromHtml({ file: input.file, bytes: Buffer.from(asPage(input)) });
}
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
let t = performance.now();
let cpu = process.cpuUsage();
for (const input of measured) extractReport(input);
const textMs = (performance.now() - t) / reports;
const textCpuMs = cpuMs(cpu) / reports;
t = performance.now();
let readMs = 0;
let readCpuMs = 0;
let sameRecords = 0;
for (const [i, page] of htmlPages.entries()) {
  const r0 = performance.now();
  cpu = process.cpuUsage();
  const input = fromHtml(page);
  readCpuMs += cpuMs(cpu);
  readMs += performance.now() - r0;
  const record = extractReport(input);
  const text = measured[i];
  if (text && comparable(record) === comparable(extractReport({ ...text, source: SITE_NAME }))) sameRecords++;
}
console.log(`\n2. ${reports} generated reports, as text and as saved pages (${(htmlPages.reduce((n, p) => n + p.bytes.length, 0) / reports / 1024).toFixed(1)} kB a page)`);
console.log(`text:  ${textMs.toFixed(2)} ms a report (${(1000 / textMs).toFixed(0)} reports/s)`);
console.log(`HTML:  ${(textMs + readMs / reports).toFixed(2)} ms a report (${(1000 / (textMs + readMs / reports)).toFixed(0)} reports/s), of which reading the page ${(readMs / reports).toFixed(2)} ms`);
console.log(`extra cost of HTML over text: ${(readMs / reports).toFixed(2)} ms a report (${((readMs / reports / textMs) * 100).toFixed(0)}% of extracting it); CPU time: ${(readCpuMs / reports).toFixed(2)} ms reading against ${textCpuMs.toFixed(2)} ms extracting; the same record from page and text (with the page's outlet): ${sameRecords}/${reports}`);

// ---- 3. fetched and extracted from a local server, delay off
const site = await startTestSite();
htmlPages.forEach((page, i) => site.route(`/bai/${i}.html`, { body: page.bytes }));
site.route('/sitemap.xml', { type: 'application/xml', body: `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${htmlPages.map((_, i) => `<url><loc>${site.origin}/bai/${i}.html</loc></url>`).join('')}</urlset>` });
const fetcher = new PoliteFetcher({ delayMs: 0 });
t = performance.now();
let extracted = 0;
for await (const result of readWebReports(fetcher, { addresses: [], lists: [], sitemaps: [`${site.origin}/sitemap.xml`] })) {
  if (!result.ok) throw new Error(`${result.file}: ${result.reason}`);
  extractReport(result.input);
  extracted++;
}
const seconds = (performance.now() - t) / 1000;
await fetcher.close();
await site.close();
console.log(`\n3. fetched and extracted from a local server, delay 0, one request at a time: ${extracted} pages in ${seconds.toFixed(1)} s = ${(extracted / seconds).toFixed(0)} pages/s (${fetcher.stats.requests} requests)`);
