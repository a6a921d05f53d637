import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { fold } from '../../../src/extract/text/fold.ts';
import { extractionRecordSchema } from '../../../src/extract/record/schema.ts';
import type { ExtractionRecord, Span } from '../../../src/extract/record/schema.ts';

/**
 * Extraction records built from the hand-made gold answers for the seeds, so the API can be
 * tested on the seeds graph independently of the extractor's current quality. Gold files carry
 * no offsets: each relation's evidence is the seed sentence sharing the most words with the
 * names of its two ends, each mention every exact occurrence of the name.
 */

const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const GOLD_DIR = fileURLToPath(new URL('../../../../shared/eval/gold/', import.meta.url));

const goldSchema = z.object({
  file: z.string(),
  document: z.record(z.string(), z.unknown()),
  entities: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      name: z.string(),
      province: z.string().nullish(),
      date: z.string().nullish(),
      kind: z.string().nullish(),
      attributes: z.record(z.string(), z.unknown()).nullish(),
    }),
  ),
  relations: z.array(
    z.object({ type: z.string(), source: z.string(), target: z.string(), attributes: z.record(z.string(), z.unknown()).nullish() }),
  ),
  statistics: z.array(
    z.object({ metric: z.string(), value: z.number(), province: z.string().nullish(), qualifier: z.string().nullish(), unit: z.string().nullish() }),
  ),
});

type Sentence = Span & { folded: string };

function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const pattern = /[^.!?\n]+[.!?]*/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const start = (match.index ?? 0) + (raw.length - raw.trimStart().length);
    const trimmed = raw.trim();
    if (trimmed.length > 0) sentences.push({ start, end: start + trimmed.length, text: trimmed, folded: ` ${fold(trimmed)} ` });
  }
  return sentences;
}

function bestSentence(sentences: Sentence[], names: string[]): Span {
  const words = [...new Set(names.flatMap((n) => fold(n).split(' ')).filter((w) => w.length > 1))];
  let best = sentences[0];
  let bestScore = -1;
  for (const sentence of sentences) {
    const score = words.filter((w) => sentence.folded.includes(` ${w} `)).length;
    if (score > bestScore) [best, bestScore] = [sentence, score];
  }
  if (!best) throw new Error('seed without sentences');
  return { start: best.start, end: best.end, text: best.text };
}

/** The names to look for in a relation's sentence: a meeting's long descriptive name would only match the title. */
function evidenceNames(ends: ({ type: string; name: string } | undefined)[]): string[] {
  const known = ends.filter((e): e is { type: string; name: string } => e !== undefined);
  const actors = known.filter((e) => e.type !== 'Meeting');
  return (actors.length > 0 ? actors : known).map((e) => e.name);
}

function mentionsOf(text: string, name: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) spans.push({ start: at, end: at + name.length, text: name });
  return spans;
}

/** The record of one seed, from its gold file. */
export function readGoldRecord(file: string): ExtractionRecord {
  const gold = goldSchema.parse(JSON.parse(readFileSync(join(GOLD_DIR, file.replace(/\.txt$/, '.json')), 'utf8')));
  const text = readFileSync(join(SEEDS_DIR, gold.file), 'utf8').normalize('NFC');
  const sentences = splitSentences(text);
  const byId = new Map(gold.entities.map((e) => [e.id, e]));
  const province = gold.entities.find((e) => e.type === 'Province')?.name ?? null;
  const doc = gold.document;
  const record = {
    document: {
      id: createHash('sha256').update(text).digest('hex'),
      file: gold.file,
      title: text.split('\n')[0]?.trim() ?? gold.file,
      ...(typeof doc.publishedAt === 'string' ? { publishedAt: doc.publishedAt } : {}),
      ...(typeof doc.source === 'string' ? { source: doc.source } : {}),
      ...(typeof doc.author === 'string' ? { author: doc.author } : {}),
      text,
    },
    province,
    entities: gold.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      province: e.type === 'Province' ? e.name : (e.province ?? null),
      ...(e.date ? { date: e.date } : {}),
      ...(e.kind ? { kind: e.kind } : {}),
      ...(e.attributes ? { attributes: e.attributes } : {}),
      mentions: mentionsOf(text, e.name),
    })),
    relations: gold.relations.map((r) => ({
      type: r.type,
      source: r.source,
      target: r.target,
      ...(r.attributes ? { attributes: r.attributes } : {}),
      evidence: bestSentence(sentences, evidenceNames([byId.get(r.source), byId.get(r.target)])),
    })),
    statistics: gold.statistics.map((s) => ({
      metric: s.metric,
      value: s.value,
      unit: s.unit ?? (s.metric.includes('billion') ? 'billion_vnd' : s.metric.includes('million') ? 'million_vnd_month' : 'count'),
      province: s.province ?? null,
      qualifier: s.qualifier ?? 'exact',
      evidence: bestSentence(sentences, [String(s.value).replace('.', ',')]),
    })),
    warnings: [],
  };
  return extractionRecordSchema.parse(record);
}

/** The records of every seed that has a gold file. */
export function readGoldRecords(): ExtractionRecord[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map(readGoldRecord);
}
