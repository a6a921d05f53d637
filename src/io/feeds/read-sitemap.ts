import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { toReportDay } from '../html/page-metadata.ts';
import { xmlKind } from './xml-root.ts';

/**
 * Sitemaps (`<urlset>`) and sitemap indexes (`<sitemapindex>`) of the sitemaps.org protocol,
 * parsed by fast-xml-parser and checked once by a schema: each entry's address and, when given,
 * the day of its `<lastmod>`.
 */

export type SitemapEntry = { loc: string; lastmod?: string };
export type Sitemap = { kind: 'urlset' | 'index'; entries: SitemapEntry[] };

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' });
const entrySchema = z.object({ loc: z.string().trim().min(1), lastmod: z.string().optional() });
const sitemapSchema = z.union([
  z.object({ urlset: z.union([z.object({ url: z.array(entrySchema).default([]) }), z.literal('')]) }),
  z.object({ sitemapindex: z.union([z.object({ sitemap: z.array(entrySchema).default([]) }), z.literal('')]) }),
]);

/** Reads a sitemap or sitemap index (already decoded), or says why it is not one. */
export function readSitemap(xml: string): { ok: true; sitemap: Sitemap } | { ok: false; reason: string } {
  if (xmlKind(xml) !== 'sitemap') return { ok: false, reason: 'not a sitemap (no <urlset> or <sitemapindex> root)' };
  let parsed: z.infer<typeof sitemapSchema>;
  try {
    parsed = sitemapSchema.parse(parser.parse(xml));
  } catch (error) {
    return { ok: false, reason: `not a readable sitemap: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  const [kind, raw] = 'urlset' in parsed ? (['urlset', parsed.urlset === '' ? [] : parsed.urlset.url] as const) : (['index', parsed.sitemapindex === '' ? [] : parsed.sitemapindex.sitemap] as const);
  const entries = raw.map(({ loc, lastmod }) => {
    const day = lastmod ? toReportDay(lastmod) : undefined;
    return { loc, ...(day ? { lastmod: day } : {}) };
  });
  return { ok: true, sitemap: { kind, entries } };
}
