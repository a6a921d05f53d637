import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { extractionRecordSchema } from '../../../src/extract/record/schema.ts';
import type { ExtractionRecord, Span } from '../../../src/extract/record/schema.ts';

/** The hand-made answers for the seeds, beside the project at `../shared/eval/gold`. */
const GOLD_DIR = fileURLToPath(new URL('../../../../shared/eval/gold/', import.meta.url));
const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));

type Gold = {
  file: string;
  document: { publishedAt?: string | null; source?: string | null; author?: string | null };
  entities: Array<{ id: string; type: string; name: string; province?: string | null; date?: string; kind?: string; attributes?: Record<string, unknown> }>;
  relations: Array<{ type: string; source: string; target: string; attributes?: Record<string, unknown> }>;
  statistics: Array<{ metric: string; value: number; province: string | null; qualifier?: string }>;
};

/**
 * The seeds' gold answers as extraction records (tests only, standing in for the extractor):
 * mentions are the places the name occurs verbatim, evidence the sentence around the
 * relation's source mention (empty when the name is not written out).
 */
export function readGoldRecords(): ExtractionRecord[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => goldToRecord(JSON.parse(readFileSync(join(GOLD_DIR, f), 'utf8')) as Gold));
}

function goldToRecord(gold: Gold): ExtractionRecord {
  const text = readFileSync(join(SEEDS_DIR, gold.file), 'utf8').normalize('NFC');
  const mentionsOf = (name: string): Span[] => {
    const spans: Span[] = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) spans.push({ start: at, end: at + name.length, text: name });
    return spans;
  };
  const sentenceAround = (at: number): Span => {
    const start = Math.max(text.lastIndexOf('.', at) + 1, text.lastIndexOf('\n', at) + 1);
    const stops = ['.', '\n'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
    const end = stops.length > 0 ? Math.min(...stops) : text.length;
    return { start, end, text: text.slice(start, end) };
  };
  const byId = new Map(gold.entities.map((e) => [e.id, e]));
  const province = gold.entities.find((e) => e.type === 'Province')?.name ?? null;
  const record = {
    document: {
      id: createHash('sha256').update(text).digest('hex'),
      file: gold.file,
      title: text.split('\n')[0] ?? '',
      ...(gold.document.publishedAt ? { publishedAt: gold.document.publishedAt } : {}),
      ...(gold.document.source ? { source: gold.document.source } : {}),
      ...(gold.document.author ? { author: gold.document.author } : {}),
      text,
    },
    province,
    entities: gold.entities.map((e) => ({ ...e, mentions: mentionsOf(e.name) })),
    relations: gold.relations.map((r) => {
      const at = mentionsOf(byId.get(r.source)?.name ?? '\u0000')[0]?.start;
      return { ...r, evidence: at === undefined ? { start: 0, end: 0, text: '' } : sentenceAround(at) };
    }),
    statistics: gold.statistics.map((s) => ({ ...s, unit: 'count', qualifier: s.qualifier ?? 'exact', evidence: { start: 0, end: 0, text: '' } })),
    warnings: [],
  };
  return extractionRecordSchema.parse(record);
}
