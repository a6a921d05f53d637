/**
 * What a page says about itself, read before anything is removed from it: canonical URL
 * (`<link rel=canonical>`, `og:url`), title (`og:title`, JSON-LD `headline`, the article's
 * `<h1>`), publication day (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`,
 * date meta tags, a dated element near the title), outlet (`og:site_name`, JSON-LD publisher),
 * author (meta author, JSON-LD author, a byline element), and the page kinds it declares
 * (`og:type`, JSON-LD `@type`), which tell listing and search pages from articles.
 */

export type PageMetadata = {
  canonical?: string;
  title?: string;
  /** `YYYY-MM-DD`, the day in Vietnam (UTC+7) when the page gives a time with its zone. */
  publishedAt?: string;
  siteName?: string;
  author?: string;
  /** `og:type` (`article`, `website` …), lower case. */
  ogType?: string;
  /** Every JSON-LD `@type` on the page (`NewsArticle`, `CollectionPage` …). */
  jsonLdTypes: string[];
};

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /Article$|^BlogPosting$|^Report$/;
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const BYLINE_SELECTOR = '[rel="author"], [itemprop="author"], .author, .byline, .tac-gia, .tacgia, .article__author, .news-author, .post-author';
const DATE_ELEMENT = /date|time|ngay|publish|capnhat/i;

function clean(value: string | null | undefined): string | undefined {
  const text = value?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

type MetaTags = Map<string, string>;

/** The page's `<meta>` tags by lower-case `property`, `name` or `itemprop` (the first of each name wins). */
function readMetaTags(doc: Document): MetaTags {
  const tags: MetaTags = new Map();
  for (const element of doc.getElementsByTagName('meta')) {
    const content = clean(element.getAttribute('content'));
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const name = element.getAttribute(attribute)?.toLowerCase();
      if (name && !tags.has(name)) tags.set(name, content);
    }
  }
  return tags;
}

function metaContent(tags: MetaTags, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = tags.get(name.toLowerCase());
    if (value) return value;
  }
  return undefined;
}

/** The day a date or timestamp names: `2024-01-24T23:30:00Z` is 25 January in Vietnam; `24/01/2024` is read day first. */
export function toReportDay(value: string): string | undefined {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i.exec(v);
  if (iso) {
    if (iso[4] !== undefined && iso[6] !== undefined) {
      const time = Date.parse(v.replace(' ', 'T'));
      if (!Number.isNaN(time)) return new Date(time + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
    }
    return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }
  const dmy = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(v);
  return dmy ? day(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])) : undefined;
}

function day(year: number, month: number, date: number): string | undefined {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || date < 1 || date > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** Every object of the page's JSON-LD blocks, `@graph` members included; blocks that do not parse are passed over. */
function readJsonLd(doc: Document): JsonObject[] {
  const objects: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const object = value as JsonObject;
      objects.push(object);
      if (object['@graph']) visit(object['@graph']);
    }
  };
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // a broken block says nothing
    }
  }
  return objects;
}

function typesOf(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== undefined);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object' && typeof (value as JsonObject).name === 'string') return clean((value as JsonObject).name as string);
  return undefined;
}

/** `Tiêu đề - Báo X` → `Tiêu đề` when the tail is the outlet's name. */
function withoutSiteName(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  const match = /^(.*\S)\s*[-–—|:]\s*([^-–—|:]+)$/u.exec(title);
  if (!match?.[1] || !match[2]) return title;
  const tail = match[2].toLowerCase();
  const site = siteName.toLowerCase();
  return tail.includes(site) || site.includes(tail) ? match[1] : title;
}

function headingOf(doc: Document): string | undefined {
  const headings = [...doc.querySelectorAll('article h1, h1')];
  return clean(headings[0]?.textContent);
}

const TITLE_ELEMENTS = 'h1, h2, h3, [class*="title" i], [class*="tieude" i], [id*="title" i], strong, b';

/**
 * The `<title>` of a page without any better title: of its parts (`Cổng TTĐT tỉnh X - Tiêu đề`),
 * the one that is also the text of a heading-like element on the page, else the whole, less the outlet.
 */
function documentTitle(doc: Document, siteName: string | undefined): string | undefined {
  const whole = clean(doc.querySelector('title')?.textContent);
  if (!whole) return undefined;
  const parts = whole.split(/\s+[-–—|]\s+/u).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length > 1) {
    const texts = new Set([...doc.querySelectorAll(TITLE_ELEMENTS)].map((e) => clean(e.textContent)).filter((t) => t !== undefined && t.length < 300));
    const shown = parts.find((p) => texts.has(p));
    if (shown) return shown;
  }
  return withoutSiteName(whole, siteName);
}

/** The outlet a `<title>` names beside the page's title (`Cổng TTĐT tỉnh X - <title>`), when the page gives no `og:site_name`. */
function outletInTitle(doc: Document, title: string): string | undefined {
  const parts = (clean(doc.querySelector('title')?.textContent) ?? '').split(/\s+[-–—|]\s+/u).map((p) => p.trim());
  const at = parts.indexOf(title);
  if (at < 0 || parts.length < 2) return undefined;
  return clean(parts.filter((_, i) => i !== at).join(' - '));
}

function datedElement(doc: Document): string | undefined {
  for (const element of doc.querySelectorAll('[class], [id]')) {
    const marker = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.replace(/[-_]/g, '');
    if (!DATE_ELEMENT.test(marker)) continue;
    const text = element.textContent ?? '';
    if (text.length > 120) continue;
    const found = toReportDay(text.replace(/^.*?(?=\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})/s, ''));
    if (found) return found;
  }
  return undefined;
}

/** Reads a page's own metadata; call it before the page is cleaned (bylines and date lines are removed then). */
export function readPageMetadata(doc: Document): PageMetadata {
  const tags = readMetaTags(doc);
  const jsonLd = readJsonLd(doc);
  const article = jsonLd.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t)));
  const siteName = metaContent(tags, 'og:site_name') ?? nameOf(article?.publisher) ?? metaContent(tags, 'application-name');
  const canonicalLink = [...doc.getElementsByTagName('link')].find((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  const canonical = clean(canonicalLink?.getAttribute('href')) ?? metaContent(tags, 'og:url');
  const ogTitle = metaContent(tags, 'og:title', 'twitter:title');
  const title =
    (ogTitle && withoutSiteName(ogTitle, siteName)) ??
    nameOf(article?.headline) ??
    headingOf(doc) ??
    documentTitle(doc, siteName);
  // in order of trust; each looked at only when those before it gave no day
  const dates: (() => string | undefined)[] = [
    () => metaContent(tags, 'article:published_time', 'og:published_time', 'datepublished'),
    () => (typeof article?.datePublished === 'string' ? article.datePublished : undefined),
    () => clean(doc.querySelector('[itemprop="datePublished" i]')?.getAttribute('datetime')),
    () => clean(doc.querySelector('time[datetime]')?.getAttribute('datetime')),
    () => metaContent(tags, 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date.issued', 'dc.date', 'article:published'),
    () => datedElement(doc),
  ];
  let publishedAt: string | undefined;
  for (const date of dates) {
    const value = date();
    publishedAt = value ? toReportDay(value) : undefined;
    if (publishedAt) break;
  }
  const byline = (): string | undefined => [...doc.querySelectorAll(BYLINE_SELECTOR)].map((e) => clean(e.getAttribute('content') ?? e.textContent)).find((t) => t !== undefined && t.length <= 60);
  const author = metaContent(tags, 'author', 'article:author', 'dc.creator') ?? nameOf(article?.author) ?? byline();
  const ogType = metaContent(tags, 'og:type')?.toLowerCase();
  const outlet = siteName ?? (title ? outletInTitle(doc, title) : undefined);
  return {
    ...(canonical ? { canonical } : {}),
    ...(title ? { title } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(outlet ? { siteName: outlet } : {}),
    ...(author && !/^https?:/i.test(author) ? { author } : {}),
    ...(ogType ? { ogType } : {}),
    jsonLdTypes: [...new Set(jsonLd.flatMap(typesOf))],
  };
}
