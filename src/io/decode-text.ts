import htmlEncodingSniffer from 'html-encoding-sniffer';
import iconv from 'iconv-lite';

/**
 * Bytes of a page or feed to text, in the charset the page declares. HTML follows the WHATWG
 * sniffing algorithm (byte-order mark, then the HTTP `Content-Type` charset, then a `<meta>` in
 * the first 1024 bytes: `html-encoding-sniffer`); XML reads its `<?xml encoding=…?>`. Labels the
 * WHATWG list lacks but iconv-lite knows (`VISCII`, `TCVN`) are honoured too, and iconv-lite
 * decodes every legacy charset (`windows-1258` …). Undeclared bytes are UTF-8 when they are valid
 * UTF-8, else windows-1258, the Vietnamese Windows code page.
 */

export type DecodedText = { text: string; charset: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const FALLBACK = 'windows-1258';

/** The `charset` parameter of a `Content-Type` header, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1] : undefined;
}

/** A charset label declared inside the first bytes: `<?xml encoding=…?>` or a `<meta … charset=…>`. */
function declaredLabel(bytes: Uint8Array, kind: 'html' | 'xml'): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const pattern = kind === 'xml' ? /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i : /<meta[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i;
  return pattern.exec(head)?.[1];
}

/** Decodes `bytes` of an HTML page or an XML document; `contentType` is the HTTP header when there was one. */
export function decodeText(bytes: Uint8Array, kind: 'html' | 'xml', contentType?: string): DecodedText {
  const transport = charsetOf(contentType);
  const sniffed = htmlEncodingSniffer(bytes, { xml: kind === 'xml', ...(transport ? { transportLayerEncodingLabel: transport } : {}), defaultEncoding: 'none' });
  const label = sniffed !== 'none' ? sniffed : [transport, declaredLabel(bytes, kind)].find((l) => l !== undefined && iconv.encodingExists(l));
  if (label && label.toLowerCase().replace(/[^a-z0-9]/g, '') !== 'utf8') {
    return { text: iconv.decode(Buffer.from(bytes), label, { stripBOM: true }), charset: label };
  }
  try {
    return { text: utf8.decode(bytes).replace(/^\ufeff/, ''), charset: 'UTF-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), FALLBACK), charset: label ? `${FALLBACK} (declared ${label}, not valid)` : FALLBACK };
  }
}
