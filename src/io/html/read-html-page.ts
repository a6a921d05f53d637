import { Readability } from '@mozilla/readability';
import type { ReportInput } from '../../extract/record/schema.ts';
import { canonicalUrl, isSameSite } from '../web/canonical-url.ts';
import { removePageNoise } from './clean-page.ts';
import { htmlLines } from './html-text.ts';
import { parseHtml } from './parse-html.ts';
import { readPageMetadata } from './page-metadata.ts';
import type { PageMetadata } from './page-metadata.ts';

/**
 * Reads one HTML page as a report: the page's metadata first, then the page cleaned of its
 * furniture (`clean-page.ts`), then the article by Mozilla's readability, turned into lines. The
 * report's text is the title, the article's paragraphs and, when the page names an author the
 * text does not end with, that author as the last line — where the extractor reads bylines.
 * Pages that are not articles (listings, search results, too little text) are skipped with why.
 */

export type PageResult =
  | { ok: true; input: ReportInput; metadata: PageMetadata }
  | { ok: false; skipped: true; reason: string }
  | { ok: false; skipped: false; reason: string };

/** Least article text (characters outside links) for a page to count as an article. */
export const MIN_ARTICLE_CHARS = 150;
/** A block with this many headline links (25+ characters) whose text is mostly links is a listing. */
const LISTING_LINKS = 5;
const LISTING_TYPES = new Set(['CollectionPage', 'SearchResultsPage', 'ItemList', 'ProfilePage']);
const SAVED_FROM = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i;

/** How a page is read; the defaults are the product's, the others are for measuring it (`bench/pages.ts`). */
export type ReadPageOptions = {
  /** The DOM to read the page with (default linkedom). */
  parse?: (html: string) => Document;
  /** Remove the page's furniture before readability (default true). */
  clean?: boolean;
};

export type PageSource = {
  /** The report's `file`: the saved file's name, or the address the page was fetched from. */
  file: string;
  /** The address the page was fetched from (after redirects), when it was fetched. */
  url?: string;
};

/** Reads `html` (already decoded) as a report, or says why it is not one. */
export function readHtmlPage(page: string, source: PageSource, options: ReadPageOptions = {}): PageResult {
  const html = page.normalize('NFC');
  const doc = (options.parse ?? parseHtml)(html);
  const metadata = readPageMetadata(doc);
  const pageUrl = source.url ?? SAVED_FROM.exec(html.slice(0, 1000))?.[1];
  const listing = metadata.jsonLdTypes.find((t) => LISTING_TYPES.has(t));
  if (listing && !metadata.jsonLdTypes.some((t) => /Article$/.test(t))) return skip(`a listing page (JSON-LD ${listing})`);

  if (options.clean !== false) removePageNoise(doc);
  const article = new Readability(doc, { serializer: (node: Node) => node as Element }).parse();
  if (!article?.content) return skip('no article text found');
  const links = headlineLinks(article.content);
  const lines = htmlLines(article.content);
  const chars = lines.join(' ').length;
  const linkChars = [...article.content.querySelectorAll('a')].reduce((n, a) => n + (a.textContent?.trim().length ?? 0), 0);
  if (links >= LISTING_LINKS && linkChars > chars * 0.3) return skip(`a listing page (${links} article links)`);
  if (chars - linkChars < MIN_ARTICLE_CHARS) return skip(`too little text (${chars - linkChars} characters)`);

  const title = metadata.title ?? lines[0] ?? '';
  const body = lines[0] === title ? lines.slice(1) : lines;
  const last = body.at(-1) ?? '';
  const author = metadata.author && !last.includes(metadata.author) ? [metadata.author] : [];
  const url = reportUrl(metadata.canonical, pageUrl);
  const input: ReportInput = {
    text: [title, ...body, ...author].join('\n\n'),
    file: source.file,
    ...(url ? { url } : {}),
    ...(title ? { title } : {}),
    ...(metadata.publishedAt ? { publishedAt: metadata.publishedAt } : {}),
    ...(metadata.siteName ? { source: metadata.siteName } : {}),
  };
  return { ok: true, input, metadata };
}

function skip(why: string): PageResult {
  return { ok: false, skipped: true, reason: `not an article: ${why}` };
}

function headlineLinks(root: Element): number {
  return [...root.querySelectorAll('a')].filter((a) => (a.textContent?.trim().length ?? 0) >= 25).length;
}

/**
 * The report's address: the page's canonical link when it is on the site the page came from (a
 * page cannot claim another site's article), else the address it was fetched from; canonicalised.
 */
function reportUrl(canonical: string | undefined, pageUrl: string | undefined): string | undefined {
  let declared: string | undefined;
  try {
    declared = canonical ? new URL(canonical, pageUrl).href : undefined;
  } catch {
    declared = undefined;
  }
  const chosen = declared && (!pageUrl || isSameSite(declared, pageUrl)) ? declared : pageUrl;
  return (chosen && canonicalUrl(chosen)) ?? undefined;
}
