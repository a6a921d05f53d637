/**
 * What a fetched body is, from its `Content-Type` and, since small sites serve feeds as
 * `text/html` or `text/plain`, from its first bytes.
 */

export type ContentKind = 'html' | 'xml' | 'gzip' | 'not-article' | 'other';

const NOT_ARTICLES: [RegExp, string][] = [
  [/^application\/pdf$/, 'a PDF document'],
  [/^image\//, 'an image'],
  [/^(audio|video)\//, 'audio or video'],
  [/^application\/(msword|vnd\.)/, 'an office document'],
  [/^application\/(zip|x-rar|x-7z)/, 'an archive'],
];

/** The media type of a `Content-Type` header, lower case, without parameters. */
export function mediaType(contentType: string): string {
  return contentType.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The kind of a fetched body, and for non-articles what they are. */
export function contentKind(contentType: string, body: Uint8Array): { kind: ContentKind; what?: string } {
  if (body[0] === 0x1f && body[1] === 0x8b) return { kind: 'gzip' };
  const type = mediaType(contentType);
  const head = Buffer.from(body.subarray(0, 512)).toString('latin1').replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').trimStart();
  if (/^<\?xml|^<(rss|feed|urlset|sitemapindex|rdf:RDF)\b/i.test(head) && !/^<\?xml[^>]*>\s*<!DOCTYPE html/i.test(head) && !/<html[\s>]/i.test(head)) return { kind: 'xml' };
  if (type === 'text/html' || type === 'application/xhtml+xml' || (type === '' && /^(<!doctype html|<html)/i.test(head))) return { kind: 'html' };
  if (/[/+]xml$/.test(type)) return { kind: 'xml' };
  const notArticle = NOT_ARTICLES.find(([pattern]) => pattern.test(type));
  if (notArticle) return { kind: 'not-article', what: notArticle[1] };
  return { kind: 'other' };
}
