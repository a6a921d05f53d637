import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { decodeText } from '../decode-text.ts';
import type { PoliteFetcher } from '../fetch/polite-fetcher.ts';
import { feedItemReport, readFeed } from '../feeds/read-feed.ts';
import type { FeedItem } from '../feeds/read-feed.ts';
import { readSitemap } from '../feeds/read-sitemap.ts';
import { xmlKind, xmlRootName } from '../feeds/xml-root.ts';
import { readHtmlPage } from '../html/read-html-page.ts';
import type { ReadResult } from '../read-reports.ts';
import { canonicalUrl, isWebAddress } from './canonical-url.ts';
import { Channel } from './channel.ts';
import { contentKind, mediaType } from './content-kind.ts';
import { nonArticleAddress } from './non-article-address.ts';

/**
 * Reports from the web: pages and feeds by address, lists of addresses (one a line) and sitemaps
 * (indexes too), fetched through the polite fetcher. A feed's items are fetched as pages (or, with
 * `fetchItems: false`, read from the feed's own text); `since` and `match` choose among what
 * sitemaps, feeds and lists name. Each address is one result: a report (`file` is the address),
 * a failure, or a skip with why (robots.txt, not an article, older than `since`, the same article
 * as an address read before). A few workers fetch at once; the fetcher keeps each host to one
 * request at a time, so several sites are read side by side and one site politely.
 */

export type WebSources = { addresses: string[]; lists: string[]; sitemaps: string[] };

export type WebEvent = { kind: 'fetched'; address: string; fromCache: boolean } | { kind: 'resumed'; address: string };

export type WebReadOptions = {
  /** Only what is dated this day or later (`YYYY-MM-DD`): sitemap `lastmod`, feed item dates, page dates. */
  since?: string;
  /** Only addresses this pattern finds, among those sitemaps, feeds and lists name. */
  match?: RegExp;
  /** Fetch each feed item's page (default) rather than reading the item's own text. */
  fetchItems?: boolean;
  /** Addresses an interrupted run already finished: skipped without a request. */
  isDone?: (address: string) => boolean;
  /** Addresses fetched at once (each host still gets one request at a time). */
  workers?: number;
  onEvent?: (event: WebEvent) => void;
};

type Expect = 'any' | 'page' | 'sitemap';
type Job = { address: string; expect: Expect; depth: number };

/** Sitemap indexes nest at most this deep. */
const MAX_DEPTH = 3;
/** Largest sitemap after decompression (the protocol's own limit). */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/** Reads the addresses of a list file: one a line; blank lines and `#` comments are passed over. */
export async function readAddressList(file: string): Promise<{ ok: true; addresses: string[] } | { ok: false; reason: string }> {
  try {
    const lines = (await readFile(file, 'utf8')).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    const bad = lines.findIndex((l) => !isWebAddress(l));
    if (bad >= 0) return { ok: false, reason: `line "${lines[bad]}" is not an http(s) address` };
    return { ok: true, addresses: lines };
  } catch (error) {
    return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

/** Reads every report the sources lead to, one result per address. */
export async function* readWebReports(fetcher: PoliteFetcher, sources: WebSources, opts: WebReadOptions = {}): AsyncGenerator<ReadResult> {
  const reader = new WebReader(fetcher, opts);
  const jobs: Job[] = sources.addresses.map((address) => ({ address, expect: 'any', depth: 0 }));
  for (const list of sources.lists) {
    const read = await readAddressList(list);
    if (!read.ok) yield { ok: false, file: list, reason: read.reason };
    else jobs.push(...read.addresses.filter((a) => !opts.match || opts.match.test(a)).map((address): Job => ({ address, expect: 'any', depth: 0 })));
  }
  jobs.push(...sources.sitemaps.map((address): Job => ({ address, expect: 'sitemap', depth: 0 })));
  for (const job of jobs) {
    const duplicate = reader.add(job);
    if (duplicate) yield duplicate;
  }
  yield* reader.run();
}

class WebReader {
  private readonly frontier: Job[] = [];
  private readonly queued = new Map<string, string>();
  private readonly articles = new Map<string, string>();
  private readonly out = new Channel<ReadResult>(16);
  private busy = 0;
  private wake: (() => void) | null = null;

  constructor(
    private readonly fetcher: PoliteFetcher,
    private readonly opts: WebReadOptions,
  ) {}

  /**
   * Queues an address, unless the same address (once canonical) is queued already: then the skip
   * to report when the two were written differently (`m.`, AMP, tracking parameters), else null.
   */
  add(job: Job): ReadResult | null {
    const key = job.expect === 'sitemap' ? job.address : (canonicalUrl(job.address) ?? job.address);
    const first = this.queued.get(key);
    if (first !== undefined) return first === job.address ? null : { ok: false, file: job.address, reason: `the same address as ${first}`, skipped: true };
    this.queued.set(key, job.address);
    this.frontier.push(job);
    this.wake?.();
    return null;
  }

  async *run(): AsyncGenerator<ReadResult> {
    const workers = Array.from({ length: Math.max(1, this.opts.workers ?? 4) }, () => this.work());
    void Promise.all(workers).finally(() => this.out.close());
    yield* this.out;
  }

  private async work(): Promise<void> {
    for (;;) {
      const job = this.frontier.shift();
      if (!job) {
        if (this.busy === 0) {
          this.wake?.();
          return;
        }
        await new Promise<void>((resolve) => {
          const previous = this.wake;
          this.wake = () => {
            this.wake = null;
            previous?.();
            resolve();
          };
        });
        continue;
      }
      this.busy++;
      try {
        await this.visit(job);
      } catch (error) {
        await this.out.push({ ok: false, file: job.address, reason: `unexpected failure: ${(error as Error).message}` });
      } finally {
        this.busy--;
        if (this.busy === 0 && this.frontier.length === 0) this.wake?.();
      }
    }
  }

  private emit(result: ReadResult): Promise<void> {
    return this.out.push(result);
  }

  private async visit(job: Job): Promise<void> {
    const { address } = job;
    if (!isWebAddress(address)) return this.emit({ ok: false, file: address, reason: 'not an http(s) address' });
    if (job.expect !== 'sitemap' && this.opts.isDone?.(address)) {
      this.opts.onEvent?.({ kind: 'resumed', address });
      return;
    }
    if (job.expect !== 'sitemap') {
      const notArticle = nonArticleAddress(address);
      if (notArticle) return this.emit({ ok: false, file: address, reason: notArticle, skipped: true });
    }
    const fetched = await this.fetcher.fetch(address);
    if (!fetched.ok) return this.emit({ ok: false, file: address, reason: fetched.reason, ...(fetched.skipped ? { skipped: true } : {}) });
    this.opts.onEvent?.({ kind: 'fetched', address, fromCache: fetched.fromCache });
    let body = fetched.body;
    let kind = contentKind(fetched.contentType, body);
    if (kind.kind === 'gzip') {
      try {
        body = gunzipSync(body, { maxOutputLength: MAX_SITEMAP_BYTES });
      } catch (error) {
        return this.emit({ ok: false, file: address, reason: `a gzip file that does not unpack: ${(error as Error).message}` });
      }
      kind = contentKind('application/xml', body);
    }
    switch (kind.kind) {
      case 'html':
        if (job.expect === 'sitemap') return this.emit({ ok: false, file: address, reason: 'not a sitemap: an HTML page' });
        return this.readPage(job, fetched.url, decodeText(body, 'html', fetched.contentType).text);
      case 'xml':
        return this.readXml(job, decodeText(body, 'xml', fetched.contentType).text);
      case 'not-article':
        return this.emit({ ok: false, file: address, reason: `not an article: ${kind.what} (${mediaType(fetched.contentType)})`, skipped: true });
      case 'gzip':
      case 'other':
        return this.emit({ ok: false, file: address, reason: `not an HTML page: content type ${mediaType(fetched.contentType) || 'not given'}` });
      default: {
        const never: never = kind.kind;
        throw new Error(`unknown content kind ${String(never)}`);
      }
    }
  }

  private async readPage(job: Job, finalUrl: string, html: string): Promise<void> {
    const page = readHtmlPage(html, { file: job.address, url: finalUrl });
    if (!page.ok) return this.emit({ ok: false, file: job.address, reason: page.reason, ...(page.skipped ? { skipped: true } : {}) });
    const { since } = this.opts;
    if (since && page.input.publishedAt && page.input.publishedAt < since) {
      return this.emit({ ok: false, file: job.address, reason: `published ${page.input.publishedAt}, before --since ${since}`, skipped: true });
    }
    const key = page.input.url ?? job.address;
    const first = this.articles.get(key);
    if (first !== undefined) return this.emit({ ok: false, file: job.address, reason: `the same article as ${first} (${key})`, skipped: true });
    this.articles.set(key, job.address);
    return this.emit({ ok: true, input: page.input });
  }

  private async readXml(job: Job, xml: string): Promise<void> {
    const kind = xmlKind(xml);
    if (kind === 'sitemap') return this.readSitemap(job, xml);
    if (job.expect === 'sitemap') return this.emit({ ok: false, file: job.address, reason: `not a sitemap (root element <${xmlRootName(xml) ?? '?'}>)` });
    if (kind === 'other') return this.emit({ ok: false, file: job.address, reason: `not an HTML page, feed or sitemap (XML root element <${xmlRootName(xml) ?? '?'}>)` });
    const feed = readFeed(xml);
    if (!feed.ok) return this.emit({ ok: false, file: job.address, reason: feed.reason });
    for (const [i, item] of feed.items.entries()) await this.readFeedItem(job, item, i);
  }

  private async readFeedItem(job: Job, item: FeedItem, index: number): Promise<void> {
    const file = `${job.address}#${index + 1}`;
    const { since, match } = this.opts;
    if (since && item.publishedAt && item.publishedAt < since) return;
    if (match && !(item.link && match.test(item.link))) return;
    if (this.opts.fetchItems !== false && item.link && isWebAddress(item.link)) {
      const duplicate = this.add({ address: new URL(item.link).href, expect: 'page', depth: job.depth + 1 });
      return duplicate ? this.emit(duplicate) : undefined;
    }
    const report = feedItemReport(item, file);
    return this.emit(report.ok ? { ok: true, input: report.input } : { ok: false, file, reason: report.reason, skipped: true });
  }

  private async readSitemap(job: Job, xml: string): Promise<void> {
    const read = readSitemap(xml);
    if (!read.ok) return this.emit({ ok: false, file: job.address, reason: read.reason });
    const { since, match } = this.opts;
    for (const entry of read.sitemap.entries) {
      if (since && entry.lastmod && entry.lastmod < since) continue;
      let address: string;
      try {
        address = new URL(entry.loc, job.address).href;
      } catch {
        await this.emit({ ok: false, file: `${job.address}: ${entry.loc}`, reason: 'not a web address' });
        continue;
      }
      if (read.sitemap.kind === 'index') {
        if (job.depth + 1 > MAX_DEPTH) await this.emit({ ok: false, file: address, reason: `sitemap indexes nested deeper than ${MAX_DEPTH}` });
        else this.add({ address, expect: 'sitemap', depth: job.depth + 1 });
      } else if (!match || match.test(address)) {
        const duplicate = this.add({ address, expect: 'page', depth: job.depth + 1 });
        if (duplicate) await this.emit(duplicate);
      }
    }
  }
}
