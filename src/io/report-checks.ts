import { isCalendarDay } from './calendar-day.ts';

/**
 * The checks every report passes before it is extracted, whether it comes from a file, a feed
 * line or the API's `ingestReport`: one path, so the API cannot load what the command line
 * refuses (NUL bytes, a whole HTML page, zero-width-only text, `publishedAt: 2024-13-45`,
 * `url: "javascript:alert(1)"`, a 1 MB title were all loaded through the API).
 */

/** A report's fields as they arrive, before the extractor sees them. */
export type ReportFields = { text: string; url?: string; title?: string; publishedAt?: string; source?: string; file?: string };

/** Per-report limits (`REPORT_MAX_BYTES`). */
export type ReportLimits = { maxBytes: number };

/** Which field is wrong and why, in words for the user. */
export type ReportProblem = { field: keyof ReportFields; reason: string };

/** The largest report by default: reports are a few kB; a 9.5 MB text took 111 s and 512 MB to extract. */
export const DEFAULT_REPORT_MAX_BYTES = 2 * 2 ** 20;
export const DEFAULT_REPORT_LIMITS: ReportLimits = { maxBytes: DEFAULT_REPORT_MAX_BYTES };

/** Fixed bounds of the short fields. */
export const MAX_TITLE_CHARS = 500;
export const MAX_URL_CHARS = 2000;
export const MAX_SOURCE_CHARS = 200;
export const MAX_FILE_CHARS = 255;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f]/g;
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** A character that shows: not white space, not a format character (zero-width space, joiners, BOM …). */
const VISIBLE = /[^\s\p{Cf}]/u;

/** The first problem of a report's fields, or null when it may be extracted. */
export function findReportProblem(fields: ReportFields, limits: ReportLimits = DEFAULT_REPORT_LIMITS): ReportProblem | null {
  const text = checkText(fields.text, limits);
  if (text) return { field: 'text', reason: text };
  for (const field of ['title', 'url', 'publishedAt', 'source', 'file'] as const) {
    const value = fields[field];
    if (value === undefined) continue;
    const reason = checkField(field, value);
    if (reason) return { field, reason };
  }
  return null;
}

/** Why a text cannot be a report (empty, too large, not Unicode, binary, an HTML page), or null. */
export function checkText(text: string, limits: ReportLimits = DEFAULT_REPORT_LIMITS): string | null {
  // Characters are at most 3 bytes in UTF-8 (4 for a pair): the byte count is only taken when it can matter.
  if (text.length * 3 > limits.maxBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > limits.maxBytes) return `too large: ${describeBytes(bytes)}, over the limit of ${describeBytes(limits.maxBytes)} per report (REPORT_MAX_BYTES)`;
  }
  if (!VISIBLE.test(text)) return 'empty: no text';
  if (!isWellFormed(text)) return 'not valid Unicode text (a lone surrogate)';
  if (text.includes('\u0000')) return 'binary content, not text';
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > text.length / 100) return 'binary content, not text';
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  const tags = text.slice(0, 20000).match(/<\/?(?:html|head|body|div|p|span|script|meta|a|table|br)\b[^>]*>/gi)?.length ?? 0;
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || tags > 10) return "an HTML page, not report text (send the article's text, or save the page as .html to have its article read)";
  return null;
}

function checkField(field: Exclude<keyof ReportFields, 'text'>, value: string): string | null {
  if (!isWellFormed(value)) return 'not valid Unicode text (a lone surrogate)';
  switch (field) {
    case 'title':
      return checkShortText(value.trim(), MAX_TITLE_CHARS);
    case 'source':
      return checkShortText(value.trim(), MAX_SOURCE_CHARS);
    case 'file':
      return checkShortText(value, MAX_FILE_CHARS);
    case 'url':
      return checkUrl(value);
    case 'publishedAt':
      return isPublicationDate(value) ? null : `not a day that exists: expected YYYY-MM-DD (optionally with a time) or D/M/YYYY, got ${describeValue(value)}`;
    default: {
      const never: never = field;
      throw new Error(`unknown field ${String(never)}`);
    }
  }
}

function checkShortText(value: string, max: number): string | null {
  if (value.length > max) return `too long: ${value.length} characters (at most ${max})`;
  if (ANY_CONTROL.test(value)) return 'contains control characters';
  return null;
}

function checkUrl(value: string): string | null {
  if (value.length > MAX_URL_CHARS) return `too long: ${value.length} characters (at most ${MAX_URL_CHARS})`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `not an absolute URL: ${describeValue(value)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https addresses are accepted, not ${url.protocol.slice(0, 20)}`;
  if (url.hostname === '') return 'the address has no host';
  return null;
}

/**
 * True for a publication date that names a day that exists: `YYYY-MM-DD` (or `YYYY-M-D`),
 * optionally followed by a time (`T08:30:00+07:00`), or `D/M/YYYY` (also with `.` or `-`), as
 * news sites and feeds write them.
 */
export function isPublicationDate(value: string): boolean {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (iso) return isDay(iso[1]!, iso[2]!, iso[3]!);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  return dmy !== null && isDay(dmy[3]!, dmy[2]!, dmy[1]!);
}

function isDay(year: string, month: string, day: string): boolean {
  return isCalendarDay(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
}

/** `4.3 MiB`, `512.0 KiB`: a size for a message, in the units the limits are set in. */
export function describeBytes(bytes: number): string {
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  if (bytes >= 2 ** 10) return `${(bytes / 2 ** 10).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** A value quoted for a message: at most its first 40 characters. */
function describeValue(value: string): string {
  return value.length <= 40 ? JSON.stringify(value) : `${JSON.stringify(`${value.slice(0, 40)}…`)} (${value.length} characters)`;
}

/** No lone surrogate: JSON can carry `\ud800`, which is no character at all. */
function isWellFormed(value: string): boolean {
  return (value as string & { isWellFormed(): boolean }).isWellFormed();
}
