import { basename } from 'node:path';
import { decodeText } from '../decode-text.ts';
import type { ReadResult } from '../read-reports.ts';
import { readHtmlPage } from './read-html-page.ts';

/** Extensions of saved web pages. */
export const PAGE_EXTENSIONS = ['.html', '.htm'];

/**
 * A saved page (`.html`, `.htm`) as a report: decoded in the charset it declares, read by
 * `readHtmlPage`. The report's `file` is the file's name; its URL is the page's canonical link,
 * else the address a browser noted when saving it (`<!-- saved from url=… -->`).
 */
export function readSavedPage(bytes: Uint8Array, path: string): ReadResult {
  const { text } = decodeText(bytes, 'html');
  const page = readHtmlPage(text, { file: basename(path) });
  if (page.ok) return { ok: true, input: page.input };
  return { ok: false, file: path, reason: page.reason, ...(page.skipped ? { skipped: true } : {}) };
}
