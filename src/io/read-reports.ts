import type { Stats } from 'node:fs';
import { Readable } from 'node:stream';
import { readdir, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import type { ReportInput } from '../extract/record/schema.ts';
import { FEED_EXTENSIONS, readFeedFile } from './feeds/read-feed-file.ts';
import { PAGE_EXTENSIONS, readSavedPage } from './html/read-saved-page.ts';
import { describeReadError, openRegularFile } from './open-regular-file.ts';
import { LineEncodingError, readLines } from './read-lines.ts';
import { DEFAULT_REPORT_LIMITS, checkText, describeBytes, findReportProblem } from './report-checks.ts';
import type { ReportLimits } from './report-checks.ts';

/**
 * Reads reports from files and folders: `.txt` files (one report each), `.jsonl` feeds (one
 * report per line, streamed, so a feed may be any size), saved web pages (`.html`, `.htm`) and
 * RSS/Atom feeds (`.rss`, `.atom`, `.xml`). Every report passes the checks of `report-checks.ts`
 * and its limits are per report: a 15 MB feed of 10,000 reports reads whole, a 9 MB line in it
 * fails alone. Bad input — not a regular file, unreadable, empty, binary, not UTF-8, too large, an
 * HTML page in a text file, a malformed line — becomes a failed result naming the file (and line)
 * and the reason, and reading goes on. What is not an article (a file a folder scan passes by, a
 * saved listing page, a feed item without text) is `skipped`, with why.
 */

export type ReadResult = { ok: true; input: ReportInput } | { ok: false; file: string; reason: string; skipped?: true };

/** A path to read, or why it cannot be read, or why a folder scan passed it by (`skipped`). */
export type ListedFile = { file: string; error?: string; skipped?: string };

/** The path that means standard input, as command-line tools take it. */
export const STDIN_PATH = '-';
/** The name a report read from standard input goes by (its key is `report:stdin` unless it has a URL). */
export const STDIN_NAME = 'stdin';

/**
 * Largest saved page or feed file read (the page around an article, a feed of many items): the
 * reports read from it are then held to `REPORT_MAX_BYTES` each.
 */
export const MAX_PAGE_FILE_BYTES = 10 * 1024 * 1024;
const REPORT_EXTENSIONS = new Set(['.txt', '.jsonl', ...PAGE_EXTENSIONS, ...FEED_EXTENSIONS]);

const jsonlLineSchema = z.object({
  text: z.string(),
  file: z.string().min(1).optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  publishedAt: z.string().optional(),
  source: z.string().optional(),
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The report files named by `paths`, folders expanded (sorted; report extensions; not the
 * `<page>_files` folder a browser saves beside `<page>.html`). Other files in a folder come back
 * `skipped`, so a summary can name them instead of leaving them out without a word.
 */
export async function listReportFiles(paths: string[]): Promise<ListedFile[]> {
  const out: ListedFile[] = [];
  for (const path of paths) {
    if (path === STDIN_PATH) {
      out.push({ file: STDIN_PATH });
      continue;
    }
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
        const names = new Set(entries.map((e) => e.name.toLowerCase()));
        const isSavedAssets = (name: string): boolean => /_files$/i.test(name) && PAGE_EXTENSIONS.some((ext) => names.has(`${name.slice(0, -6).toLowerCase()}${ext}`));
        for (const entry of entries) {
          const nested = join(path, entry.name);
          if (entry.isDirectory()) {
            if (!isSavedAssets(entry.name)) out.push(...(await listReportFiles([nested])));
          } else if (REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(...(await listReportFiles([nested])));
          else out.push({ file: nested, skipped: `not a report file (${[...REPORT_EXTENSIONS].join(', ')})` });
        }
      } else out.push({ file: path });
    } catch (error) {
      out.push({ file: path, error: describeReadError(error) });
    }
  }
  return out;
}

/** Reads every report under `paths`, yielding one result per report (or per failed or skipped file or line). */
export async function* readReports(paths: string[], limits: ReportLimits = DEFAULT_REPORT_LIMITS): AsyncGenerator<ReadResult> {
  for (const entry of await listReportFiles(paths)) yield* readFileReports(entry, limits);
}

/** The reports of one listed file. */
export async function* readFileReports(entry: ListedFile, limits: ReportLimits = DEFAULT_REPORT_LIMITS): AsyncGenerator<ReadResult> {
  if (entry.skipped) {
    yield { ok: false, file: entry.file, reason: entry.skipped, skipped: true };
    return;
  }
  if (entry.error) {
    yield { ok: false, file: entry.file, reason: entry.error };
    return;
  }
  if (entry.file === STDIN_PATH) {
    yield* readStdinReports(process.stdin, limits);
    return;
  }
  const opened = await openRegularFile(entry.file);
  if ('reason' in opened) {
    yield { ok: false, file: entry.file, reason: opened.reason };
    return;
  }
  const { handle, info } = opened;
  const extension = extname(entry.file).toLowerCase();
  try {
    if (extension === '.jsonl') yield* readFeed(entry.file, handle.createReadStream({ autoClose: false, highWaterMark: 1 << 20 }), limits);
    else if (PAGE_EXTENSIONS.includes(extension) || FEED_EXTENSIONS.includes(extension)) {
      const read = await readBounded(handle, info, MAX_PAGE_FILE_BYTES);
      if ('tooLarge' in read) yield { ok: false, file: entry.file, reason: `too large: ${describeBytes(read.tooLarge)} (a saved page or feed file may have ${describeBytes(MAX_PAGE_FILE_BYTES)})` };
      else {
        yield* PAGE_EXTENSIONS.includes(extension) ? [readSavedPage(read.bytes, entry.file)] : readFeedFile(read.bytes, entry.file);
      }
    } else yield await readTextReport(entry.file, handle, info, limits);
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of an open file, at most `maxBytes` (one byte past it is read to tell: the file may
 * have grown since it was measured), or how large it is past the limit.
 */
async function readBounded(handle: FileHandle, info: Stats, maxBytes: number): Promise<{ bytes: Buffer } | { tooLarge: number }> {
  if (info.size > maxBytes) return { tooLarge: info.size };
  const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
  let length = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
    if (length === buffer.length) return { tooLarge: length };
  }
  return { bytes: buffer.subarray(0, length) };
}

async function readTextReport(file: string, handle: FileHandle, info: Stats, limits: ReportLimits): Promise<ReadResult> {
  const read = await readBounded(handle, info, limits.maxBytes);
  if ('tooLarge' in read) return { ok: false, file, reason: tooLarge(read.tooLarge, limits) };
  return decodeTextReport(file, read.bytes, limits);
}

/** A plain-text report from its bytes, checked (`report-checks.ts`). */
function decodeTextReport(file: string, bytes: Buffer, limits: ReportLimits): ReadResult {
  if (bytes.includes(0)) return { ok: false, file, reason: 'binary content, not text' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, file, reason: 'not valid UTF-8 text' };
  }
  const problem = checkText(text, limits);
  return problem ? { ok: false, file, reason: problem } : { ok: true, input: { text, file: basename(file) } };
}

function tooLarge(bytes: number, limits: ReportLimits): string {
  return `too large: ${describeBytes(bytes)}, over the limit of ${describeBytes(limits.maxBytes)} per report (REPORT_MAX_BYTES)`;
}

/** Room a feed line has beyond its report's text: JSON escapes and the other fields. */
const LINE_OVERHEAD_BYTES = 64 * 1024;

async function* readFeed(path: string, stream: Readable, limits: ReportLimits): AsyncGenerator<ReadResult> {
  const name = basename(path);
  // JSON may escape every character of the text (`\n`, `\"`, or `\u0001` at six bytes): a line
  // twice the report's limit holds any text of that limit that is not binary.
  const maxLineBytes = 2 * limits.maxBytes + LINE_OVERHEAD_BYTES;
  let lines = 0;
  for await (const line of readLines(stream, maxLineBytes)) {
    if (line instanceof LineEncodingError) {
      yield { ok: false, file: `${path}#${line.number}`, reason: line.message };
      continue;
    }
    const at = `${path}#${line.number}`;
    if ('tooLong' in line) {
      yield { ok: false, file: at, reason: `line ${line.number}: ${tooLarge(line.tooLong, limits)}` };
      lines++;
      continue;
    }
    const text = line.number === 1 ? line.text.replace(/^\ufeff/, '') : line.text;
    if (text.trim() === '') continue;
    lines++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { ok: false, file: at, reason: `line ${line.number} is not JSON: ${error instanceof Error ? error.message : String(error)}` };
      continue;
    }
    const parsed = jsonlLineSchema.safeParse(value);
    if (!parsed.success) {
      yield { ok: false, file: at, reason: `line ${line.number}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}` };
      continue;
    }
    const problem = findReportProblem(parsed.data, limits);
    if (problem) {
      yield { ok: false, file: at, reason: `line ${line.number}: ${problem.field === 'text' ? '' : `${problem.field}: `}${problem.reason}` };
      continue;
    }
    const { file, ...rest } = parsed.data;
    yield { ok: true, input: { ...rest, file: file ?? `${name}#${line.number}` } };
  }
  if (lines === 0) yield { ok: false, file: path, reason: 'empty: no reports in the feed' };
}

/**
 * The reports of standard input (`-`): a JSON Lines feed when it opens with `{` (streamed, any
 * size), else one plain-text report of at most `REPORT_MAX_BYTES`, named `stdin`. Saved pages and
 * XML feeds are read from files only: their kind comes from the file name.
 */
export async function* readStdinReports(stdin: Readable, limits: ReportLimits = DEFAULT_REPORT_LIMITS): AsyncGenerator<ReadResult> {
  const chunks = stdin[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let first = '';
  // Enough of the input to see its first character that is not white space (or a byte-order mark).
  while (first === '') {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    head.push(chunk);
    first = Buffer.concat(head).toString('utf8').replace(/^[\s\ufeff]+/, '').slice(0, 1);
  }
  const rest = Readable.from(
    (async function* () {
      yield* head;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })(),
  );
  if (first === '{') {
    yield* readFeed(STDIN_NAME, rest, limits);
    return;
  }
  const bytes: Buffer[] = [];
  let size = 0;
  for await (const chunk of rest) {
    size += (chunk as Buffer).length;
    if (size <= limits.maxBytes) bytes.push(chunk as Buffer);
  }
  if (size > limits.maxBytes) {
    yield { ok: false, file: STDIN_NAME, reason: tooLarge(size, limits) };
    return;
  }
  yield decodeTextReport(STDIN_NAME, Buffer.concat(bytes), limits);
}
