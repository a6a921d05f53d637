import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { extractionRecordSchema } from '../extract/record/schema.ts';
import type { ExtractionRecord } from '../extract/record/schema.ts';
import { openRegularFile } from '../io/open-regular-file.ts';
import { LineEncodingError, readLines } from '../io/read-lines.ts';
import { DEFAULT_REPORT_LIMITS, describeBytes } from '../io/report-checks.ts';
import type { ReportLimits } from '../io/report-checks.ts';
import { findDanglingRelations } from './load-plan.ts';

/**
 * One report to load: a checked extraction record (with the relations the load will drop, each
 * named), or why there is none: a failed file or line, or a file a folder scan passed by (`skipped`).
 */
export type RecordResult =
  | { ok: true; record: ExtractionRecord; dropped?: string[] }
  | { ok: false; file: string; reason: string; skipped?: true };

/**
 * Reads extraction records already made (`.jsonl`, one record per line, e.g. the
 * generator's `records.jsonl`), expanding folders; each line passes the record schema
 * here, once. Streams line by line, so a corpus of any size reads in constant memory; a line
 * may be four times the per-report limit (a record holds its report's text, evidence and entities).
 */
export async function* readRecordFiles(paths: string[], limits: ReportLimits = DEFAULT_REPORT_LIMITS): AsyncGenerator<RecordResult> {
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info === null) {
      yield { ok: false, file: path, reason: 'no such file or folder' };
    } else if (info.isDirectory()) {
      const names = (await readdir(path)).sort();
      for (const name of names.filter((n) => !n.endsWith('.jsonl'))) yield { ok: false, file: join(path, name), reason: 'not a records file (.jsonl)', skipped: true };
      yield* readRecordFiles(names.filter((n) => n.endsWith('.jsonl')).map((n) => join(path, n)), limits);
    } else {
      yield* readRecordLines(path, 4 * limits.maxBytes + 2 ** 20);
    }
  }
}

async function* readRecordLines(path: string, maxLineBytes: number): AsyncGenerator<RecordResult> {
  const opened = await openRegularFile(path);
  if ('reason' in opened) {
    yield { ok: false, file: path, reason: opened.reason };
    return;
  }
  try {
    for await (const line of readLines(opened.handle.createReadStream({ autoClose: false, highWaterMark: 1 << 20 }), maxLineBytes)) {
      const file = `${basename(path)}#${line.number}`;
      if (line instanceof LineEncodingError) yield { ok: false, file, reason: 'not valid UTF-8 text' };
      else if ('tooLong' in line) yield { ok: false, file, reason: `too large: ${describeBytes(line.tooLong)} (a record line may have ${describeBytes(maxLineBytes)})` };
      else if (line.text.trim() !== '') yield parseRecordLine(file, line.text);
    }
  } finally {
    await opened.handle.close();
  }
}

/** One line of a records file checked: the record, or why it is not one. */
function parseRecordLine(file: string, line: string): RecordResult {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, file, reason: `not JSON: ${(error as Error).message}` };
  }
  const parsed = extractionRecordSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, file, reason: `not an extraction record: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  }
  const dropped = findDanglingRelations(parsed.data);
  return dropped.length > 0 ? { ok: true, record: parsed.data, dropped } : { ok: true, record: parsed.data };
}
