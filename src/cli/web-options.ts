import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_FETCH_SETTINGS } from '../io/fetch/polite-fetcher.ts';
import type { FetchSettings } from '../io/fetch/polite-fetcher.ts';
import { isWebAddress } from '../io/web/canonical-url.ts';
import type { WebReadOptions, WebSources } from '../io/web/read-web-reports.ts';

/**
 * The options `extract` and `ingest` share for reading the web: what to read (addresses among the
 * inputs, `--urls`, `--sitemap`), which of it (`--since`, `--match`, `--no-fetch-items`) and how
 * politely (`--delay`, `--timeout`, `--retries`, `--max-page-mb`, `--cache`, `--contact`). Bad
 * values stop the command with the option's name and what it expects (exit code 2).
 */

/** Where fetched pages are kept unless `--cache` says otherwise (git-ignored). */
export const DEFAULT_CACHE_DIR = '.data/fetch-cache';

export type WebCliOptions = {
  urls: string[];
  sitemap: string[];
  since?: string;
  match?: RegExp;
  fetchItems?: boolean;
  delay: number;
  timeout: number;
  retries: number;
  maxPageMb: number;
  cache: string | false;
  contact?: string;
};

/** What the inputs and options ask to read: local paths, web sources, and how to fetch them. */
export type WebPlan = { paths: string[]; sources: WebSources; settings: Partial<FetchSettings>; read: WebReadOptions; cacheDir?: string };

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function atLeast(min: number, unit: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new InvalidArgumentError(`expected a number of ${unit} ≥ ${min}`);
    return n;
  };
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

function day(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a day as YYYY-MM-DD');
  }
  return value;
}

function pattern(value: string): RegExp {
  try {
    return new RegExp(value);
  } catch (error) {
    throw new InvalidArgumentError(`not a regular expression: ${(error as Error).message}`);
  }
}

function webAddress(value: string): string {
  if (!isWebAddress(value)) throw new InvalidArgumentError('expected an http(s) address');
  return value;
}

/** Adds the web options to a command. */
export function addWebOptions(command: Command): Command {
  return command
    .option('--urls <file>', 'a file of web addresses (pages or feeds), one a line; repeatable', collect, [])
    .option('--sitemap <url>', 'a sitemap or sitemap index whose pages to read; repeatable', (v: string, p: string[]) => collect(webAddress(v), p), [])
    .option('--since <date>', 'only pages dated this day or later (YYYY-MM-DD): sitemap lastmod, feed dates, page dates', day)
    .option('--match <pattern>', 'only the addresses of sitemaps, feeds and lists this regular expression finds', pattern)
    .option('--no-fetch-items', "read feed items from the feed's own text instead of fetching their pages")
    .option('--delay <seconds>', 'least time between two requests to one site (robots.txt Crawl-delay wins when longer)', atLeast(0, 'seconds'), DEFAULT_FETCH_SETTINGS.delayMs / 1000)
    .option('--timeout <seconds>', 'time limit of one request', atLeast(0.1, 'seconds'), DEFAULT_FETCH_SETTINGS.timeoutMs / 1000)
    .option('--retries <n>', 'retries after a 429, 5xx, time-out or network error, with back-off', wholeNumber, DEFAULT_FETCH_SETTINGS.retries)
    .option('--max-page-mb <mb>', 'largest page accepted, in MB', atLeast(0.01, 'MB'), DEFAULT_FETCH_SETTINGS.maxBytes / 1024 / 1024)
    .addOption(new Option('--cache <dir>', 'where fetched pages are kept, for conditional requests and resuming').default(DEFAULT_CACHE_DIR))
    .option('--no-cache', 'keep nothing: every run fetches every page whole and cannot resume')
    .option('--contact <address>', 'an e-mail or web address for site owners, added to the User-Agent');
}

/** Splits the inputs into local paths and web addresses, and turns the options into a plan. */
export function planWebReading(inputs: string[], opts: WebCliOptions): WebPlan {
  const addresses = inputs.filter(isWebAddress);
  const cacheDir = opts.cache === false ? undefined : opts.cache;
  return {
    paths: inputs.filter((i) => !isWebAddress(i)),
    sources: { addresses, lists: opts.urls, sitemaps: opts.sitemap },
    settings: {
      delayMs: opts.delay * 1000,
      timeoutMs: opts.timeout * 1000,
      retries: opts.retries,
      maxBytes: Math.round(opts.maxPageMb * 1024 * 1024),
      ...(cacheDir ? { cacheDir } : {}),
      ...(opts.contact ? { contact: opts.contact } : {}),
    },
    read: { ...(opts.since ? { since: opts.since } : {}), ...(opts.match ? { match: opts.match } : {}), fetchItems: opts.fetchItems !== false },
    ...(cacheDir ? { cacheDir } : {}),
  };
}

/** Whether the plan reads anything from the web. */
export function readsWeb(plan: WebPlan): boolean {
  return plan.sources.addresses.length + plan.sources.lists.length + plan.sources.sitemaps.length > 0;
}

/** What identifies a run for resuming: everything that decides which addresses it reads. */
export function runSpec(plan: WebPlan): unknown {
  return { sources: plan.sources, since: plan.read.since ?? null, match: plan.read.match?.source ?? null, fetchItems: plan.read.fetchItems };
}
