import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import type { ReportInput } from '../extract/record/schema.ts';
import { FEED_EXTENSIONS, readFeedFile } from './feeds/read-feed-file.ts';
import { PAGE_EXTENSIONS, readSavedPage } from './html/read-saved-page.ts';

/**
 * Reads reports from files and folders: `.txt` files (one report each), `.jsonl`
 * feeds (one report per line), saved web pages (`.html`, `.htm`) and RSS/Atom feeds
 * (`.rss`, `.atom`, `.xml`). Bad input — unreadable, empty, binary, not UTF-8, too
 * large, an HTML page in a text file, a malformed line — becomes a failed result
 * naming the file and the reason, and reading goes on with the next file. What is
 * not an article (a saved listing page, a feed item without text) is `skipped`.
 */

export type ReadResult = { ok: true; input: ReportInput } | { ok: false; file: string; reason: string; skipped?: true };

/** Largest file accepted, in bytes: reports are a few kB; anything this big is not one. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
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

/** Why a text cannot be a report, or null when it can. */
export function checkReportText(text: string): string | null {
  if (text.trim() === '') return 'empty: no text';
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > text.length / 100) return 'binary content, not text';
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  const tags = text.slice(0, 20000).match(/<\/?(?:html|head|body|div|p|span|script|meta|a|table|br)\b[^>]*>/gi)?.length ?? 0;
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || tags > 10) return 'an HTML page in a text file (save it as .html to read its article)';
  return null;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    const known: Record<string, string> = { ENOENT: 'no such file or folder', EACCES: 'permission denied', EISDIR: 'is a folder', ENOTDIR: 'not a folder' };
    return `cannot read: ${known[code] ?? code}`;
  }
  return `cannot read: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The report files named by `paths`, folders expanded (sorted; report extensions only; not the
 * `<page>_files` folder a browser saves beside `<page>.html`).
 */
export async function listReportFiles(paths: string[]): Promise<{ file: string; error?: string }[]> {
  const out: { file: string; error?: string }[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
        const names = new Set(entries.map((e) => e.name.toLowerCase()));
        const isSavedAssets = (name: string): boolean => /_files$/i.test(name) && PAGE_EXTENSIONS.some((ext) => names.has(`${name.slice(0, -6).toLowerCase()}${ext}`));
        const nested = entries
          .filter((e) => (e.isDirectory() && !isSavedAssets(e.name)) || REPORT_EXTENSIONS.has(extname(e.name).toLowerCase()))
          .map((e) => join(path, e.name));
        out.push(...(await listReportFiles(nested)));
      } else out.push({ file: path });
    } catch (error) {
      out.push({ file: path, error: describe(error) });
    }
  }
  return out;
}

async function readBytes(file: string): Promise<{ bytes: Buffer } | { reason: string }> {
  try {
    const info = await stat(file);
    if (info.size > MAX_FILE_BYTES) return { reason: `too large: ${(info.size / 1024 / 1024).toFixed(1)} MB (limit ${MAX_FILE_BYTES / 1024 / 1024} MB)` };
    return { bytes: await readFile(file) };
  } catch (error) {
    return { reason: describe(error) };
  }
}

async function readText(file: string): Promise<{ text: string } | { reason: string }> {
  const read = await readBytes(file);
  if ('reason' in read) return read;
  if (read.bytes.includes(0)) return { reason: 'binary content, not text' };
  try {
    return { text: utf8.decode(read.bytes) };
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
}

/** Reads every report under `paths`, yielding one result per report (or per failed file or line). */
export async function* readReports(paths: string[]): AsyncGenerator<ReadResult> {
  for (const entry of await listReportFiles(paths)) yield* readFileReports(entry);
}

/** The reports of one listed file. */
export async function* readFileReports(entry: { file: string; error?: string }): AsyncGenerator<ReadResult> {
  const name = basename(entry.file);
  if (entry.error) {
    yield { ok: false, file: entry.file, reason: entry.error };
    return;
  }
  const extension = extname(name).toLowerCase();
  if (PAGE_EXTENSIONS.includes(extension) || FEED_EXTENSIONS.includes(extension)) {
    const read = await readBytes(entry.file);
    if ('reason' in read) yield { ok: false, file: entry.file, reason: read.reason };
    else if (PAGE_EXTENSIONS.includes(extension)) yield readSavedPage(read.bytes, entry.file);
    else yield* readFeedFile(read.bytes, entry.file);
    return;
  }
  const read = await readText(entry.file);
  if ('reason' in read) {
    yield { ok: false, file: entry.file, reason: read.reason };
    return;
  }
  if (extname(name).toLowerCase() !== '.jsonl') {
    const problem = checkReportText(read.text);
    yield problem ? { ok: false, file: entry.file, reason: problem } : { ok: true, input: { text: read.text, file: name } };
    return;
  }
  const lines = read.text.replace(/^\ufeff/, '').split(/\r?\n/);
  let reports = 0;
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `${name}#${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield { ok: false, file: `${entry.file}#${i + 1}`, reason: `line ${i + 1} is not JSON: ${error instanceof Error ? error.message : String(error)}` };
      continue;
    }
    const parsed = jsonlLineSchema.safeParse(value);
    if (!parsed.success) {
      yield { ok: false, file: `${entry.file}#${i + 1}`, reason: `line ${i + 1}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}` };
      continue;
    }
    const problem = checkReportText(parsed.data.text);
    if (problem) {
      yield { ok: false, file: `${entry.file}#${i + 1}`, reason: `line ${i + 1}: ${problem}` };
      continue;
    }
    reports++;
    const { file, ...rest } = parsed.data;
    yield { ok: true, input: { ...rest, file: file ?? where } };
  }
  if (reports === 0 && lines.every((l) => l.trim() === '')) yield { ok: false, file: entry.file, reason: 'empty: no reports in the feed' };
}
