import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { extractionRecordSchema } from '../extract/record/schema.ts';
import type { ExtractionRecord } from '../extract/record/schema.ts';

/** One line of a records file: a checked extraction record, or why it is not one (`skipped`: input that is no report, not a failure). */
export type RecordResult = { ok: true; record: ExtractionRecord } | { ok: false; file: string; reason: string; skipped?: true };

/**
 * Reads extraction records already made (`.jsonl`, one record per line, e.g. the
 * generator's `records.jsonl`), expanding folders; each line passes the record schema
 * here, once. Streams line by line, so a corpus of any size reads in constant memory.
 */
export async function* readRecordFiles(paths: string[]): AsyncGenerator<RecordResult> {
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info === null) {
      yield { ok: false, file: path, reason: 'no such file or folder' };
    } else if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.jsonl')).sort();
      yield* readRecordFiles(names.map((n) => join(path, n)));
    } else {
      yield* readRecordLines(path);
    }
  }
}

async function* readRecordLines(path: string): AsyncGenerator<RecordResult> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    const file = `${basename(path)}#${number}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      yield { ok: false, file, reason: `not JSON: ${(error as Error).message}` };
      continue;
    }
    const parsed = extractionRecordSchema.safeParse(json);
    if (parsed.success) yield { ok: true, record: parsed.data };
    else yield { ok: false, file, reason: `not an extraction record: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  }
}
