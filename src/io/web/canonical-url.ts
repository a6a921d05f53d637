import normalizeUrl from 'normalize-url';
import { z } from 'zod';
import rulesData from './data/url-rules.json' with { type: 'json' };

/**
 * One article, one address: the canonical URL that keys a report read from the web. Common
 * normalisation (scheme, fragment, query order, trailing slash, tracking parameters) is
 * normalize-url's; the site-specific folding of mobile hosts and AMP paths comes from
 * `data/url-rules.json`, which people extend without reading code.
 */

const rulesSchema = z.object({
  hostPrefixes: z.array(z.string().min(1)),
  trackingParameters: z.array(z.string().min(1)),
  ampPaths: z.array(z.object({ pattern: z.string().min(1), replace: z.string() })),
});
const rules = rulesSchema.parse(rulesData);
const hostPrefix = new RegExp(`^(?:${rules.hostPrefixes.join('|')})\\.(?=[^.]+\\.[^.]+)`, 'i');
const tracking = rules.trackingParameters.map((p) => new RegExp(p, 'i'));
const ampPaths = rules.ampPaths.map(({ pattern, replace }) => ({ pattern: new RegExp(pattern, 'i'), replace }));

/** Whether `value` is an absolute http(s) address. */
export function isWebAddress(value: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(value.trim());
}

/** The host of an address without the prefixes of `url-rules.json` (`www.`, `m.`, `amp.` …): two hosts of one site give one value. */
export function siteHost(address: string): string | null {
  try {
    let host = new URL(address).hostname.toLowerCase();
    while (hostPrefix.test(host)) host = host.replace(hostPrefix, '');
    return host;
  } catch {
    return null;
  }
}

/**
 * The canonical form of an article's address (`https`, main host, no AMP path, no tracking
 * parameters or fragment), or null when it is not an absolute http(s) address.
 */
export function canonicalUrl(address: string): string | null {
  if (!isWebAddress(address)) return null;
  let url: URL;
  try {
    url = new URL(normalizeUrl(address.trim(), { forceHttps: true, stripWWW: false, stripHash: true, removeQueryParameters: tracking, sortQueryParameters: true }));
  } catch {
    return null;
  }
  url.hostname = siteHost(url.href) ?? url.hostname;
  let path = url.pathname;
  for (const { pattern, replace } of ampPaths) path = path.replace(pattern, replace);
  url.pathname = path === '' ? '/' : path;
  return normalizeUrl(url.href, { forceHttps: true, stripWWW: false, removeQueryParameters: false, sortQueryParameters: false });
}

/** Whether two addresses are on one site (same host once `www.`, `m.`, `amp.` … are set aside). */
export function isSameSite(a: string, b: string): boolean {
  const host = siteHost(a);
  return host !== null && host === siteHost(b);
}
