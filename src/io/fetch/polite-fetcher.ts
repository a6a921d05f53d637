import createDebug from 'debug';
import { Agent, fetch } from 'undici';
import type { Dispatcher } from 'undici';
import packageJson from '../../../package.json' with { type: 'json' };
import { siteHost } from '../web/canonical-url.ts';
import { FetchCache } from './fetch-cache.ts';
import type { CachedPage } from './fetch-cache.ts';
import { HostQueue } from './host-queue.ts';
import { RobotsRules } from './robots-rules.ts';
import type { RobotsAnswer } from './robots-rules.ts';

const log = createDebug('hoptac:fetch');

/**
 * The only way hoptac reads the web, and a polite one: robots.txt honoured (`robots-rules.ts`),
 * one request at a time per site (its `www.`, `m.`, `amp.` hosts together) with a delay between
 * them (`host-queue.ts`), a time-out per
 * request, retries with exponential back-off on 429, 5xx, time-outs and network errors (a
 * `Retry-After` is obeyed), a User-Agent that names hoptac, a byte limit per response, redirects
 * followed one queued hop at a time (each checked against robots.txt), and conditional requests
 * over an on-disk cache (`fetch-cache.ts`) so that a page that did not change costs a 304.
 * HTTP itself (connections, compression) is undici's.
 */

/** The robots.txt product token and User-Agent name. */
export const ROBOTS_AGENT = 'hoptac';

export type FetchSettings = {
  /** Least time between the end of one request to a host and the start of the next. */
  delayMs: number;
  /** Time limit of one request, body included. */
  timeoutMs: number;
  /** Further attempts after a 429, a 5xx, a time-out or a network error. */
  retries: number;
  /** Wait before the first retry; it doubles with each further one. */
  backoffMs: number;
  /** Longest wait hoptac accepts (a `Retry-After`, a `Crawl-delay`); a site asking more is given up. */
  maxWaitMs: number;
  /** Largest response body, after decompression. */
  maxBytes: number;
  maxRedirects: number;
  /** A contact (e-mail or web address) for site owners, added to the User-Agent. */
  contact?: string;
  /** Where the cache lives; none: every run fetches every page whole. */
  cacheDir?: string;
  /** The undici dispatcher requests go through (a proxy agent; tests route every host to a local server). */
  dispatcher?: Dispatcher;
};

export const DEFAULT_FETCH_SETTINGS: FetchSettings = {
  delayMs: 1000,
  timeoutMs: 30_000,
  retries: 3,
  backoffMs: 2000,
  maxWaitMs: 120_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
};

export type Fetched = { ok: true; url: string; status: number; contentType: string; body: Buffer; fromCache: boolean };
export type FetchFailure = { ok: false; url: string; reason: string; status?: number; skipped?: true };
export type FetchResult = Fetched | FetchFailure;

/** What the fetcher has done so far. */
export type FetchStats = { requests: number; notModified: number; retries: number };

type Attempt = FetchResult | { redirect: string } | { retry: string; waitMs?: number; status?: number };

const ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5';

/** The User-Agent: hoptac, its version, what it is, and a contact when one is given. */
export function userAgent(contact?: string): string {
  return `${ROBOTS_AGENT}/${packageJson.version} (knowledge graph of Vietnam's cooperative movement; reads news reports; honours robots.txt${contact ? `; +${contact}` : ''})`;
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), if it is readable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no complete answer within ${timeoutMs / 1000} s`;
  return `cannot connect: ${e.cause?.code ?? e.cause?.message ?? e.message ?? String(error)}`;
}

export class PoliteFetcher {
  readonly settings: FetchSettings;
  readonly stats: FetchStats = { requests: 0, notModified: 0, retries: 0 };
  private readonly queue: HostQueue;
  private readonly robots: RobotsRules;
  private readonly cache: FetchCache | null;
  private readonly agent: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(settings: Partial<FetchSettings> = {}) {
    this.settings = { ...DEFAULT_FETCH_SETTINGS, ...settings };
    this.queue = new HostQueue(this.settings.delayMs);
    this.cache = this.settings.cacheDir ? new FetchCache(this.settings.cacheDir) : null;
    this.agent = userAgent(this.settings.contact);
    this.ownsDispatcher = this.settings.dispatcher === undefined;
    this.dispatcher = this.settings.dispatcher ?? new Agent();
    this.robots = new RobotsRules((address) => this.fetchRobots(address), ROBOTS_AGENT);
  }

  /** Closes the connections the fetcher opened (not those of a dispatcher it was given). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** Fetches `address` politely: the page (from the cache when the site says it did not change), or why not. */
  async fetch(address: string): Promise<FetchResult> {
    return this.follow(address, true);
  }

  private async fetchRobots(address: string): Promise<RobotsAnswer> {
    const result = await this.follow(address, false);
    if (result.ok) return { status: result.status, body: result.body.toString('utf8') };
    return result.status !== undefined ? { status: result.status } : { error: result.reason };
  }

  private async follow(address: string, checkRobots: boolean): Promise<FetchResult> {
    let url = address;
    for (let hop = 0; hop <= this.settings.maxRedirects; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return { ok: false, url, reason: 'not a web address' };
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, url, reason: `not a web address (${parsed.protocol})` };
      // one queue per site: its www., m. and amp. hosts are most often one server
      const site = siteHost(url) ?? parsed.host;
      if (checkRobots) {
        const verdict = await this.robots.check(url);
        if (!verdict.allowed) return { ok: false, url, reason: verdict.reason, skipped: true };
        const crawlDelay = await this.robots.crawlDelay(url);
        if (crawlDelay !== undefined) {
          if (crawlDelay * 1000 > this.settings.maxWaitMs) return { ok: false, url, reason: `robots.txt asks for ${crawlDelay} s between requests, more than the ${this.settings.maxWaitMs / 1000} s hoptac waits`, skipped: true };
          this.queue.slowDown(site, crawlDelay * 1000);
        }
      }
      const attempt = await this.attempt(url, site);
      if (!('redirect' in attempt)) return attempt;
      url = attempt.redirect;
    }
    return { ok: false, url, reason: `more than ${this.settings.maxRedirects} redirects` };
  }

  /** One request and its retries; the host's queue is held off during each back-off. */
  private async attempt(url: string, host: string): Promise<FetchResult | { redirect: string }> {
    const cached = (await this.cache?.get(url)) ?? null;
    for (let retry = 0; ; retry++) {
      const answer = await this.queue.run(host, () => this.request(url, cached));
      if (!('retry' in answer)) return answer;
      const failure: FetchFailure = { ok: false, url, reason: `${answer.retry}${retry > 0 ? ` (after ${retry} ${retry === 1 ? 'retry' : 'retries'})` : ''}`, ...(answer.status ? { status: answer.status } : {}) };
      if (retry >= this.settings.retries) return failure;
      const waitMs = answer.waitMs ?? this.settings.backoffMs * 2 ** retry;
      if (waitMs > this.settings.maxWaitMs) return { ...failure, reason: `${answer.retry}, and the site asks to wait ${Math.round(waitMs / 1000)} s` };
      log('%s: %s; retrying in %d ms', url, answer.retry, waitMs);
      this.stats.retries++;
      this.queue.holdOff(host, waitMs);
    }
  }

  private async request(url: string, cached: CachedPage | null): Promise<Attempt> {
    this.stats.requests++;
    const headers: Record<string, string> = { 'user-agent': this.agent, accept: ACCEPT, 'accept-language': 'vi,en;q=0.5' };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    const started = performance.now();
    try {
      const response = await fetch(url, {
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        dispatcher: this.dispatcher,
      });
      const status = response.status;
      log('%s %d in %d ms', url, status, Math.round(performance.now() - started));
      if (status === 304 && cached) {
        await response.body?.cancel();
        this.stats.notModified++;
        return { ok: true, url: cached.url, status: 200, contentType: cached.contentType, body: cached.body, fromCache: true };
      }
      const location = response.headers.get('location');
      if (status >= 300 && status < 400 && location) {
        await response.body?.cancel();
        return { redirect: new URL(location, url).href };
      }
      if (status === 429 || status >= 500) {
        await response.body?.cancel();
        const waitMs = retryAfterMs(response.headers.get('retry-after'));
        return { retry: `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`, status, ...(waitMs !== undefined ? { waitMs } : {}) };
      }
      if (status !== 200) {
        await response.body?.cancel();
        return { ok: false, url, status, reason: `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}` };
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      const limit = `larger than the limit of ${(this.settings.maxBytes / 1024 / 1024).toFixed(1)} MB`;
      if (declared > this.settings.maxBytes) {
        await response.body?.cancel();
        return { ok: false, url, status, reason: limit };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        if (size > this.settings.maxBytes) return { ok: false, url, status, reason: limit };
        chunks.push(Buffer.from(chunk));
      }
      const page: CachedPage = { url, contentType: response.headers.get('content-type') ?? '', body: Buffer.concat(chunks) };
      const etag = response.headers.get('etag');
      const lastModified = response.headers.get('last-modified');
      if (this.cache && (etag || lastModified)) await this.cache.put(url, { ...page, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) });
      return { ok: true, url, status, contentType: page.contentType, body: page.body, fromCache: false };
    } catch (error) {
      return { retry: describeError(error, this.settings.timeoutMs) };
    }
  }
}
