import { parseFeed } from '@rowanmanning/feed-parser';
import type { ReportInput } from '../../extract/record/schema.ts';
import { htmlLines } from '../html/html-text.ts';
import { parseHtmlFragment } from '../html/parse-html.ts';
import { toReportDay } from '../html/page-metadata.ts';
import { canonicalUrl } from '../web/canonical-url.ts';
import { xmlKind, xmlRootName } from './xml-root.ts';

/**
 * RSS 2.0, RSS 1.0 and Atom feeds, parsed by `@rowanmanning/feed-parser` (tolerant of the broken
 * feeds small sites publish), as a list of items: link, title, publication day, the HTML of the
 * item's content (else its description) and author.
 */

export type FeedItem = { link?: string; title?: string; publishedAt?: string; html?: string; author?: string };
export type FeedResult = { ok: true; title?: string; items: FeedItem[] } | { ok: false; reason: string };

/** Reads a feed document (already decoded); a sitemap or other XML is named in the reason. */
export function readFeed(xml: string): FeedResult {
  const kind = xmlKind(xml);
  if (kind === 'sitemap') return { ok: false, reason: 'a sitemap, not a feed: give its address with --sitemap' };
  if (kind === 'other') return { ok: false, reason: `not an RSS or Atom feed (${xmlRootName(xml) ? `root element <${xmlRootName(xml)}>` : 'no XML root element'})` };
  try {
    const feed = parseFeed(xml);
    const items = feed.items.map((item): FeedItem => {
      const date = item.published ?? item.updated;
      const publishedAt = date && !Number.isNaN(date.getTime()) ? toReportDay(date.toISOString()) : undefined;
      const html = item.content ?? item.description;
      const author = item.authors.map((a) => a.name).filter((n): n is string => Boolean(n)).join(', ');
      return {
        ...(item.url ? { link: item.url } : {}),
        ...(item.title ? { title: item.title.normalize('NFC').trim() } : {}),
        ...(publishedAt ? { publishedAt } : {}),
        ...(html ? { html } : {}),
        ...(author ? { author: author.normalize('NFC') } : {}),
      };
    });
    return { ok: true, ...(feed.title ? { title: feed.title } : {}), items };
  } catch (error) {
    return { ok: false, reason: `not a readable feed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * A feed item as a report, from the feed's own text (title, content or description, author as the
 * last line, as for pages), or why not. `file` names it (`<feed>#<item number>`).
 */
export function feedItemReport(item: FeedItem, file: string): { ok: true; input: ReportInput } | { ok: false; reason: string } {
  const lines = item.html ? htmlLines(parseHtmlFragment(item.html.normalize('NFC'))) : [];
  if (lines.length === 0) return { ok: false, reason: 'the feed item has no text (fetch its page instead)' };
  const title = item.title ?? lines[0] ?? '';
  const body = lines[0] === title ? lines.slice(1) : lines;
  const author = item.author && !(body.at(-1) ?? '').includes(item.author) ? [item.author] : [];
  const url = item.link ? canonicalUrl(item.link) : null;
  return {
    ok: true,
    input: {
      text: [title, ...body, ...author].join('\n\n'),
      file,
      ...(url ? { url } : {}),
      ...(title ? { title } : {}),
      ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
    },
  };
}
