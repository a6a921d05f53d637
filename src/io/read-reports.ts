import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import type { ReportInput } from '../extract/record.ts';
import { describeReadError, openRegularFile } from './open-regular-file.ts';
import { LineEncodingError, readLines } from './read-lines.ts';
import { DEFAULT_REPORT_LIMITS, checkText, describeBytes, findReportProblem } from './report-checks.ts';
import type { ReportLimits } from './report-checks.ts';

/**
 * Reads reports from files and folders: `.txt` files (one report each) and `.jsonl` feeds (one
 * report per line, streamed, so a feed may be any size). Every report passes the checks of
 * `report-checks.ts` and its limits are per report: a 15 MB feed of 10,000 reports reads whole,
 * a 9 MB line in it fails alone. Bad input — not a regular file, unreadable, empty, binary, not
 * UTF-8, too large, an HTML page, a malformed line — becomes a failed result naming the file (and
 * line) and the reason, and reading goes on.
 */

export type ReadResult = { ok: true; input: ReportInput } | { ok: false; file: string; reason: string };

/** A path to read, or why it cannot be read, or why a folder scan passed it by (`skipped`). */
export type ListedFile = { file: string; error?: string; skipped?: string };

const REPORT_EXTENSIONS = new Set(['.txt', '.jsonl']);

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
 * The report files named by `paths`, folders expanded (sorted; `.txt` and `.jsonl`). Other files
 * in a folder come back `skipped`, so the summary can name them instead of leaving them out
 * without a word.
 */
export async function listReportFiles(paths: string[]): Promise<ListedFile[]> {
  const out: ListedFile[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
        for (const entry of entries) {
          const nested = join(path, entry.name);
          if (entry.isDirectory() || REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(...(await listReportFiles([nested])));
          else out.push({ file: nested, skipped: 'not a report file (.txt or .jsonl)' });
        }
      } else out.push({ file: path });
    } catch (error) {
      out.push({ file: path, error: describeReadError(error) });
    }
  }
  return out;
}

/** Reads every report under `paths`, yielding one result per report (or per failed file or line); skipped files yield nothing. */
export async function* readReports(paths: string[], limits: ReportLimits = DEFAULT_REPORT_LIMITS): AsyncGenerator<ReadResult> {
  for (const entry of await listReportFiles(paths)) yield* readFileReports(entry, limits);
}

/** The reports of one listed file. */
export async function* readFileReports(entry: ListedFile, limits: ReportLimits = DEFAULT_REPORT_LIMITS): AsyncGenerator<ReadResult> {
  if (entry.skipped) return;
  if (entry.error) {
    yield { ok: false, file: entry.file, reason: entry.error };
    return;
  }
  const opened = await openRegularFile(entry.file);
  if ('reason' in opened) {
    yield { ok: false, file: entry.file, reason: opened.reason };
    return;
  }
  const { handle, info } = opened;
  try {
    if (extname(entry.file).toLowerCase() === '.jsonl') yield* readFeed(entry.file, handle, limits);
    else yield await readTextReport(entry.file, handle, info, limits);
  } finally {
    await handle.close();
  }
}

async function readTextReport(file: string, handle: FileHandle, info: Stats, limits: ReportLimits): Promise<ReadResult> {
  if (info.size > limits.maxBytes) return { ok: false, file, reason: tooLarge(info.size, limits) };
  // Read at most one byte past the limit: the file may have grown since it was measured.
  const buffer = Buffer.alloc(Math.min(info.size, limits.maxBytes) + 1);
  let length = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
    if (length === buffer.length) return { ok: false, file, reason: tooLarge(length, limits) };
  }
  const bytes = buffer.subarray(0, length);
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

async function* readFeed(path: string, handle: FileHandle, limits: ReportLimits): AsyncGenerator<ReadResult> {
  const name = basename(path);
  // JSON may escape every character of the text (`\n`, `\"`, or `\u0001` at six bytes): a line
  // twice the report's limit holds any text of that limit that is not binary.
  const maxLineBytes = 2 * limits.maxBytes + LINE_OVERHEAD_BYTES;
  let lines = 0;
  for await (const line of readLines(handle.createReadStream({ autoClose: false, highWaterMark: 1 << 20 }), maxLineBytes)) {
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
