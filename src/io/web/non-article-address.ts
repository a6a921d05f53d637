import { z } from 'zod';
import data from './data/non-articles.json' with { type: 'json' };

/**
 * What an address says it is when that is not an article: a document or image by its extension,
 * a tag, topic or search page by a path segment or a search parameter (`data/non-articles.json`).
 * Such addresses are skipped before any request.
 */

const rules = z
  .object({ extensions: z.record(z.string(), z.string()), pathSegments: z.record(z.string(), z.string()), searchParameters: z.array(z.string()) })
  .parse(data);

/** Why `address` is no article, or null when it may be one. */
export function nonArticleAddress(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  const segments = url.pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s).toLowerCase());
  const extension = /\.([a-z0-9]+)$/.exec(segments.at(-1) ?? '')?.[1];
  if (extension && rules.extensions[extension]) return `not an article: ${rules.extensions[extension]} (by its address)`;
  const listing = segments.find((s) => rules.pathSegments[s]);
  if (listing) return `not an article: ${rules.pathSegments[listing]} (by its address)`;
  if (rules.searchParameters.some((p) => url.searchParams.has(p))) return 'not an article: a search page (by its address)';
  return null;
}
