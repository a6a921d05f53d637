/** The name of an XML document's root element, without its namespace prefix (`rss`, `feed`, `urlset` …), or null when none opens it. */
export function xmlRootName(xml: string): string | null {
  const head = xml.slice(0, 8192).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '');
  const match = /^\s*<([A-Za-z_][\w.:-]*)/.exec(head);
  return match?.[1] ? (match[1].split(':').pop() ?? null) : null;
}

/** What an XML document is: a feed, a sitemap (or sitemap index), or something else. */
export function xmlKind(xml: string): 'feed' | 'sitemap' | 'other' {
  const root = xmlRootName(xml)?.toLowerCase();
  if (root === 'rss' || root === 'feed' || root === 'rdf') return 'feed';
  if (root === 'urlset' || root === 'sitemapindex') return 'sitemap';
  return 'other';
}
